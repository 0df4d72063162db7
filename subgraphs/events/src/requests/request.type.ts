import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '@rewardgraph/service-kit';
import { Event } from '../events/event.type';
import { Reward } from '../rewards/reward.type';
import { RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';

@ObjectType({ description: 'One change of a request’s status: who, when, why' })
export class RequestStatusChange {
  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field({ description: 'User id, or "system"' })
  by!: string;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

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

  @Field(() => [RequestStatusChange])
  history!: RequestStatusChange[];

  @Field(() => Event, { nullable: true, description: 'Null once the event is deleted' })
  event?: Event | null;

  @Field(() => Reward, { nullable: true })
  reward?: Reward | null;

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
  history: r.history.map(({ status, by, at, reason }) => ({ status, by, at, reason })),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
