import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from 'graphql-scalars';

@ObjectType()
export class WalletItem {
  @Field()
  itemId!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType()
export class WalletCoupon {
  @Field()
  couponCode!: string;

  @Field()
  expiry!: Date;
}

@ObjectType()
export class WalletBadge {
  @Field()
  badgeId!: string;
}

@ObjectType({ description: 'Everything paid out to a user' })
export class Wallet {
  @Field(() => GraphQLSafeInt, { description: 'Sum of the points paid; exact up to 2^53 - 1' })
  points!: number;

  @Field(() => [WalletItem])
  items!: WalletItem[];

  @Field(() => [WalletCoupon])
  coupons!: WalletCoupon[];

  @Field(() => [WalletBadge])
  badges!: WalletBadge[];
}
