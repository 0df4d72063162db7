import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { getGraphQLRateLimiter, RedisStore } from 'graphql-rate-limit';
import { type Redis } from 'ioredis';
import { Directive } from 'type-graphql';
import { rateLimited } from '../errors/errors';
import { type ServiceContext } from '../auth/service-context';

export const RATE_LIMIT_DIRECTIVE_SDL = `
"""At most \`max\` calls per \`window\` (e.g. "1m") for one caller."""
directive @rateLimit(max: Int!, window: String!) on FIELD_DEFINITION
`;

/**
 * Declarative per-field limit for ordinary fields, e.g. `@RateLimit(30, '1m')`.
 * graphql-rate-limit reads then writes its counter (not atomic), so a burst of
 * parallel calls can slip past it: fine for keeping a client's pace, not for
 * security. Credentials (login, sign-up, refresh) use the atomic limiter instead.
 */
export function RateLimit(max: number, window: string) {
  return Directive(`@rateLimit(max: ${max}, window: "${window}")`);
}

interface RateLimitRule {
  max: number;
  window: string;
}

const windowSeconds = (window: string) => {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(window);
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400 } as const;
  return match ? Math.max(1, Math.ceil(Number(match[1]) * unit[match[2] as keyof typeof unit])) : 60;
};

/** Enforces every `@rateLimit` per caller (user id, else client IP), counting aliases one by one. */
export function applyRateLimits(schema: GraphQLSchema, redis: Redis): GraphQLSchema {
  const limiter = getGraphQLRateLimiter({
    identifyContext: (context: ServiceContext) => context.identity?.userId ?? `ip:${context.clientIp}`,
    store: new RedisStore(redis),
  });
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const rule = getDirective(schema, field, 'rateLimit')?.[0] as RateLimitRule | undefined;
      if (!rule) return field;
      const resolve: GraphQLFieldResolver<unknown, ServiceContext> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: async (parent, args, context: ServiceContext, info) => {
          const refused = await limiter(
            { parent, args, context, info },
            { max: rule.max, window: rule.window },
          );
          if (refused) throw rateLimited(windowSeconds(rule.window));
          return resolve(parent, args, context, info);
        },
      };
    },
  });
}
