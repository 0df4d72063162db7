import { type Redis } from 'ioredis';
import { type ContainerType } from 'type-graphql';
import { buildSubgraph, type ReferenceResolvers } from '@rewardgraph/service-kit';
import { UserAnalyticsResolver } from './analytics/user-analytics.resolver';
import { SessionResolver } from './sessions/session.resolver';
import { UserResolver } from './users/user.resolver';

export const AUTH_RESOLVERS = [UserResolver, SessionResolver, UserAnalyticsResolver] as const;

/** The auth subgraph schema; the composition root supplies resolver instances, references and Redis. */
export const buildAuthSchema = (
  container?: ContainerType,
  references?: ReferenceResolvers,
  rateLimitRedis?: Redis,
) =>
  buildSubgraph({
    resolvers: [...AUTH_RESOLVERS],
    container,
    references,
    rateLimitRedis,
  });
