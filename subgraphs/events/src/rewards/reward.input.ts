import { IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { RewardType } from './reward-type';

@InputType({
  description: 'Only the fields given change; the type never does, so a field of another type is refused',
})
export class UpdateRewardInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'POINT: 1 to 1,000,000' })
  @IsOptional()
  @Min(1)
  @Max(1_000_000)
  points?: number;

  @Field({ nullable: true, description: 'ITEM' })
  @IsOptional()
  @Length(1, 100)
  itemId?: string;

  @Field(() => Int, { nullable: true, description: 'ITEM: 1 to 10,000' })
  @IsOptional()
  @Min(1)
  @Max(10_000)
  quantity?: number;

  @Field({ nullable: true, description: 'COUPON' })
  @IsOptional()
  @Length(1, 100)
  couponCode?: string;

  @Field({ nullable: true, description: 'COUPON' })
  expiry?: Date;

  @Field({ nullable: true, description: 'BADGE' })
  @IsOptional()
  @Length(1, 100)
  badgeId?: string;
}

@InputType({ description: 'The fields of the chosen type are required; the others are refused' })
export class CreateRewardInput extends UpdateRewardInput {
  @Field(() => RewardType)
  type!: RewardType;

  @Field()
  @Length(1, 200)
  override name!: string;
}

@InputType()
export class RewardFilter {
  @Field(() => RewardType, { nullable: true })
  type?: RewardType;
}
