import { IsOptional, Length, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { RewardType } from './reward-type';

@InputType({ description: 'The fields of the chosen type are required; the others are refused' })
export class CreateRewardInput {
  @Field(() => RewardType)
  type!: RewardType;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'POINT' })
  @IsOptional()
  @Min(1)
  points?: number;

  @Field({ nullable: true, description: 'ITEM' })
  @IsOptional()
  @Length(1, 100)
  itemId?: string;

  @Field(() => Int, { nullable: true, description: 'ITEM' })
  @IsOptional()
  @Min(1)
  quantity?: number;

  @Field({ nullable: true, description: 'COUPON' })
  @IsOptional()
  @Length(1, 100)
  couponCode?: string;

  @Field({ nullable: true, description: 'COUPON' })
  expiry?: Date;

  @Field({ nullable: true, description: 'BADGE' })
  @IsOptional()
  @MaxLength(100)
  badgeId?: string;
}

@InputType()
export class RewardFilter {
  @Field(() => RewardType, { nullable: true })
  type?: RewardType;
}
