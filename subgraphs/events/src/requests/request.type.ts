import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '@rewardgraph/service-kit';
import { RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';

@ObjectType({ description: "A player's request for one reward of one event" })
export class RewardRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => ID)
  rewardId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class RewardRequestConnection extends Connection(RewardRequest) {}

export const toRewardRequest = (r: RewardRequestRecord): RewardRequest => ({
  id: r._id.toHexString(),
  eventId: r.eventId.toHexString(),
  rewardId: r.rewardId.toHexString(),
  userId: r.userId,
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
