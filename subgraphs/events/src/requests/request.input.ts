import { IsIn, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Multiline } from '@rewardgraph/service-kit';
import { RequestStatus } from './request-status';

@InputType()
export class ReviewRewardRequestInput {
  @Field(() => RequestStatus, { description: 'APPROVED or REJECTED' })
  @IsIn([RequestStatus.APPROVED, RequestStatus.REJECTED], { message: 'status must be APPROVED or REJECTED' })
  status!: RequestStatus.APPROVED | RequestStatus.REJECTED;

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
}
