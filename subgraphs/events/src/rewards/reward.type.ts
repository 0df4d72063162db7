import { Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';
import { Connection } from '@rewardgraph/service-kit';
import { RewardType } from './reward-type';
import { type AnyRewardRecord } from './reward.model';

@InterfaceType({
  description: 'A reward of the catalog; one object type per kind',
  resolveType: (reward: { type: RewardType }) =>
    ({ POINT: 'PointReward', ITEM: 'ItemReward', COUPON: 'CouponReward', BADGE: 'BadgeReward' })[reward.type],
})
export class Reward {
  @Field(() => ID)
  id!: string;

  @Field(() => RewardType)
  type!: RewardType;

  @Field()
  name!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ implements: Reward })
export class PointReward extends Reward {
  @Field(() => Int)
  points!: number;
}

@ObjectType({ implements: Reward })
export class ItemReward extends Reward {
  @Field()
  itemId!: string;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType({ implements: Reward })
export class CouponReward extends Reward {
  @Field(() => String, {
    nullable: true,
    description:
      'A secret until paid: staff see it, players get null (their wallet shows the codes paid to them)',
  })
  couponCode!: string | null;

  @Field()
  expiry!: Date;
}

@ObjectType({ implements: Reward })
export class BadgeReward extends Reward {
  @Field()
  badgeId!: string;
}

@ObjectType()
export class RewardConnection extends Connection(Reward) {}

export const REWARD_TYPES = [PointReward, ItemReward, CouponReward, BadgeReward];

export const toReward = (r: AnyRewardRecord) => ({
  id: r._id.toHexString(),
  type: r.type,
  name: r.name,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  points: r.points,
  itemId: r.itemId,
  quantity: r.quantity,
  couponCode: r.couponCode,
  expiry: r.expiry,
  badgeId: r.badgeId,
});
