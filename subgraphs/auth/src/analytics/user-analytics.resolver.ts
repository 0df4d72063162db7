import { Arg, Query, Resolver } from 'type-graphql';
import { Auth, checkRange, DateRangeInput, STAFF_ROLES, type Range } from '@rewardgraph/service-kit';
import { UserAnalytics } from './user-analytics';

/**
 * The root of the user analytics. Auth answers it, so the gateway's plan is two calls in
 * a row: this one with the user-base figures, then the events subgraph's figures of the
 * same entity, participationRate included, since it needs totalUsers from here.
 */
@Resolver(() => UserAnalytics)
export class UserAnalyticsResolver {
  constructor(private readonly figuresOf: (key: { range: Range }) => Promise<UserAnalytics>) {}

  @Query(() => UserAnalytics)
  @Auth(...STAFF_ROLES)
  userAnalytics(@Arg('range') range: DateRangeInput): Promise<UserAnalytics> {
    checkRange(range);
    return this.figuresOf({ range });
  }
}
