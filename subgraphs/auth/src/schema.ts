import { type Redis } from 'ioredis';
import { type ContainerType } from 'type-graphql';
import { buildSubgraph, type ReferenceResolvers } from '@rewardgraph/service-kit';
import { UserAnalytics } from './analytics/user-analytics';
import { SessionResolver } from './sessions/session.resolver';
import { UserResolver } from './users/user.resolver';

export const AUTH_RESOLVERS = [UserResolver, SessionResolver] as const;

/** The auth subgraph schema; the composition root supplies resolver instances, references and Redis. */
export const buildAuthSchema = (
  container?: ContainerType,
  references?: ReferenceResolvers,
  rateLimitRedis?: Redis,
) =>
  // UserAnalytics is reached only through `_entities`.
  buildSubgraph({
    resolvers: [...AUTH_RESOLVERS],
    orphanedTypes: [UserAnalytics],
    container,
    references,
    rateLimitRedis,
  });
