import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Multiline } from '@rewardgraph/service-kit';
import { RequestStatus } from './request-status';
import { ReviewDecision } from './review-decision';

@InputType()
export class ReviewRewardRequestInput {
  @Field(() => ReviewDecision)
  status!: ReviewDecision;

  @Field(() => String, { nullable: true })
  @Multiline()
  @IsOptional()
  @MaxLength(5000)
  reason?: string | null;
}

@InputType()
export class RewardRequestFilter {
  @Field(() => RequestStatus, { nullable: true })
  status?: RequestStatus;

  @Field(() => ID, { nullable: true })
  eventId?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;

  @Field({ nullable: true, description: 'Created at or after this moment' })
  from?: Date;

  @Field({ nullable: true, description: 'Created before this moment (exclusive); must be after from' })
  to?: Date;
}
