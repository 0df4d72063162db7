import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Auth, DayCount, Role } from '@rewardgraph/service-kit';

@InputType()
export class DateRangeInput {
  @Field()
  from!: Date;

  @Field({ description: 'Exclusive; at most 366 days after from' })
  to!: Date;
}

@ObjectType()
export class KeyCount {
  @Field()
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class EventRewardCount {
  @Field(() => ID)
  eventId!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  rewards!: number;
}

@ObjectType({ description: 'Events created in the range' })
export class EventAnalytics {
  @Field(() => [KeyCount])
  statusDistribution!: KeyCount[];

  @Field(() => [EventRewardCount], { description: 'Up to 100 events of the range' })
  rewardsPerEvent!: EventRewardCount[];

  @Field(() => [DayCount], { description: 'Events created per day' })
  timeline!: DayCount[];
}

@ObjectType()
export class RewardAnalytics {
  @Field(() => [KeyCount], { description: 'Catalog rewards created in the range, by type' })
  typeDistribution!: KeyCount[];

  @Field(() => [KeyCount], { description: 'Requests made in the range, by status' })
  requestStatusDistribution!: KeyCount[];

  @Field(() => [DayCount], { description: 'Requests per day' })
  requestTimeline!: DayCount[];
}

/**
 * User figures for a range. The auth subgraph owns the user base and contributes
 * newUsers and totalUsers to this entity; participationRate needs totalUsers, which the
 * gateway fetches from auth first (@requires).
 */
@ObjectType()
@Directive('@key(fields: "from to")')
@Auth(Role.ADMIN, Role.OPERATOR, Role.AUDITOR)
export class UserAnalytics {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int, { description: 'Distinct users who requested a reward' })
  participants!: number;

  @Field(() => Int, { description: 'Distinct users who logged in or recorded activity' })
  activeUsers!: number;

  @Field(() => [DayCount], { description: 'Activities recorded per day' })
  activityTimeline!: DayCount[];

  @Field(() => Int)
  @Directive('@external')
  totalUsers?: number;

  @Field(() => Float, { description: 'participants ÷ users who had signed up by the end of the range' })
  @Directive('@requires(fields: "totalUsers")')
  participationRate?: number;
}
