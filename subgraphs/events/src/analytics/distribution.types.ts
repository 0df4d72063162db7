import { Field, Int, ObjectType } from 'type-graphql';
import { EventStatus } from '../events/event-status';
import { RequestStatus } from '../requests/request-status';
import { RewardType } from '../rewards/reward-type';

/** Each distribution is keyed by its enum and lists every value of it, zero included. */
@ObjectType()
export class EventStatusCount {
  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class RewardTypeCount {
  @Field(() => RewardType)
  type!: RewardType;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class RequestStatusCount {
  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field(() => Int)
  count!: number;
}
