import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Auth, DateRange, DayCount, Role } from '@rewardgraph/service-kit';
import { EventStatusCount, RequestStatusCount, RewardTypeCount } from './distribution.types';

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
  @Field(() => DateRange)
  range!: DateRange;

  @Field(() => [EventStatusCount], { description: 'Every status, zero included' })
  statusDistribution!: EventStatusCount[];

  @Field(() => [EventRewardCount], { description: 'Up to 100 events of the range' })
  rewardsPerEvent!: EventRewardCount[];

  @Field(() => [DayCount], { description: 'Events created per day; every day of the range, zero included' })
  timeline!: DayCount[];
}

@ObjectType()
export class RewardAnalytics {
  @Field(() => DateRange)
  range!: DateRange;

  @Field(() => [RewardTypeCount], {
    description: 'Catalog rewards created in the range, by type; every type',
  })
  typeDistribution!: RewardTypeCount[];

  @Field(() => [RequestStatusCount], { description: 'Requests made in the range, by status; every status' })
  requestStatusDistribution!: RequestStatusCount[];

  @Field(() => [DayCount], { description: 'Requests per day; every day of the range, zero included' })
  requestTimeline!: DayCount[];
}

/**
 * User figures for a range. The auth subgraph owns the user base and contributes
 * newUsers and totalUsers to this entity; participationRate needs totalUsers, which the
 * gateway fetches from auth first (@requires). The figures of this subgraph are field
 * resolvers (AnalyticsResolver): each is read only when asked.
 */
@ObjectType()
@Directive('@key(fields: "range { from to }")')
@Auth(Role.ADMIN, Role.OPERATOR, Role.AUDITOR)
export class UserAnalytics {
  @Field(() => DateRange)
  range!: DateRange;

  @Field(() => Int, { description: 'Distinct users who requested a reward' })
  participants!: number;

  @Field(() => Int, { description: 'Distinct users who logged in or recorded activity' })
  activeUsers!: number;

  @Field(() => [DayCount], {
    description: 'Activities recorded per day; every day of the range, zero included',
  })
  activityTimeline!: DayCount[];

  @Field(() => Int)
  @Directive('@external')
  totalUsers?: number;

  @Field(() => Float, { description: 'participants ÷ users who had signed up by the end of the range' })
  @Directive('@requires(fields: "totalUsers")')
  participationRate?: number;
}

/** What the entity is resolved from: its key, and totalUsers when the gateway fetched it from auth. */
export type UserAnalyticsKey = Pick<UserAnalytics, 'range' | 'totalUsers'>;
