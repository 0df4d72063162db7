import { type Redis } from 'ioredis';
import { type ContainerType } from 'type-graphql';
import { buildSubgraph, type ReferenceResolvers } from '@rewardgraph/service-kit';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { UserAnalytics } from './analytics/analytics.types';
import { EventRewardResolver } from './event-rewards/event-reward.resolver';
import { EventResolver } from './events/event.resolver';
import { ActivityResolver } from './metrics/activity.resolver';
import { RequestResolver } from './requests/request.resolver';
import { CouponCodeResolver } from './rewards/coupon-code.resolver';
import { RewardResolver } from './rewards/reward.resolver';
import { REWARD_TYPES } from './rewards/reward.type';
import { UserResolver } from './users/user.resolver';
import { User } from './users/user.type';

export const EVENTS_RESOLVERS = [
  EventResolver,
  EventRewardResolver,
  RewardResolver,
  CouponCodeResolver,
  RequestResolver,
  ActivityResolver,
  AnalyticsResolver,
  UserResolver,
] as const;

/** The events subgraph schema; the composition root supplies resolver instances, references and Redis. */
export const buildEventsSchema = (
  container?: ContainerType,
  references: ReferenceResolvers = {},
  rateLimitRedis?: Redis,
) =>
  buildSubgraph({
    resolvers: [...EVENTS_RESOLVERS],
    // Reached only through `_entities` or an interface, so nothing else would pull them in.
    orphanedTypes: [User, UserAnalytics, ...REWARD_TYPES],
    container,
    references: {
      User: (reference: { id: string }): User => ({ id: reference.id }),
      ...references,
    },
    rateLimitRedis,
  });
