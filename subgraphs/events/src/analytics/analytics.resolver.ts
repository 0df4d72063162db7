import { Arg, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Auth, DateRangeInput, DayCount, STAFF_ROLES } from '@rewardgraph/service-kit';
import { type AnalyticsService } from './analytics.service';
import { EventAnalytics, RewardAnalytics, UserAnalytics, type UserAnalyticsKey } from './analytics.types';

/**
 * The event and reward figures, and this subgraph's figures of UserAnalytics, an entity
 * whose root field auth answers: the gateway asks auth for the user-base figures, then
 * this subgraph for the rest in one call, participationRate with auth's totalUsers.
 * Each figure is read when asked.
 */
@Resolver(() => UserAnalytics)
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Query(() => EventAnalytics)
  @Auth(...STAFF_ROLES)
  eventAnalytics(@Arg('range') range: DateRangeInput): Promise<EventAnalytics> {
    return this.analytics.events(range);
  }

  @Query(() => RewardAnalytics)
  @Auth(...STAFF_ROLES)
  rewardAnalytics(@Arg('range') range: DateRangeInput): Promise<RewardAnalytics> {
    return this.analytics.rewards(range);
  }

  @FieldResolver(() => Int)
  participants(@Root() { range }: UserAnalyticsKey): Promise<number> {
    return this.analytics.participants(range);
  }

  @FieldResolver(() => Int)
  activeUsers(@Root() { range }: UserAnalyticsKey): Promise<number> {
    return this.analytics.activeUsers(range);
  }

  @FieldResolver(() => [DayCount])
  activityTimeline(@Root() { range }: UserAnalyticsKey): Promise<DayCount[]> {
    return this.analytics.activityTimeline(range);
  }

  @FieldResolver(() => Number)
  async participationRate(@Root() { range, totalUsers }: UserAnalyticsKey): Promise<number> {
    if (!totalUsers) return 0;
    return Math.round(((await this.analytics.participants(range)) / totalUsers) * 10_000) / 10_000;
  }
}
