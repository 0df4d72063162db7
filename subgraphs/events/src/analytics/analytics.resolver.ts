import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Auth, STAFF_ROLES } from '@rewardgraph/service-kit';
import { type AnalyticsService } from './analytics.service';
import { EventAnalytics, RewardAnalytics, UserAnalytics } from './analytics.types';
import { DateRangeInput } from './date-range.input';

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

  @Query(() => UserAnalytics)
  @Auth(...STAFF_ROLES)
  async userAnalytics(@Arg('range') range: DateRangeInput): Promise<UserAnalytics> {
    return { range, ...(await this.analytics.users(range)) };
  }

  @FieldResolver(() => Number)
  participationRate(@Root() figures: UserAnalytics): number {
    return figures.totalUsers ? Math.round((figures.participants / figures.totalUsers) * 10_000) / 10_000 : 0;
  }
}
