import { type RequestHandler } from 'express';
import { type Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode, type Counter } from '@rewardgraph/service-kit';
import { callerOf } from '../auth/identify-caller';

export interface ClientLimit {
  points: number;
  seconds: number;
}

export interface ClientLimits {
  /** A signed-in caller, whatever address they call from. */
  perUser: ClientLimit;
  /** An anonymous caller (or one whose token was refused), per client address. */
  perIp: ClientLimit;
}

const limiter = (redis: Redis, keyPrefix: string, { points, seconds }: ClientLimit) =>
  new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration: seconds });

/**
 * A ceiling on requests per client, in the "data" Redis, before any parsing or planning:
 * it keeps one client from taking the whole gateway. A signed-in caller is counted as
 * themself, so players behind one address (an office, a carrier's NAT, a game backend
 * calling for its players with their tokens) are not throttled as one; only anonymous
 * calls are counted per address, and a refused token counts as anonymous, so forging
 * one dodges nothing. Finer limits live where the knowledge is (credentials in auth,
 * `@rateLimit` per field in the subgraphs).
 */
export function clientRateLimit(
  redis: Redis,
  limits: ClientLimits,
  refused: Counter<'limit'>,
): RequestHandler {
  const perUser = limiter(redis, 'rg:rl:gateway:user', limits.perUser);
  const perIp = limiter(redis, 'rg:rl:gateway:ip', limits.perIp);
  return (req, res, next) => {
    const { identity } = callerOf(res);
    const consumed = identity ? perUser.consume(identity.userId) : perIp.consume(req.ip ?? 'unknown');
    consumed.then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        refused.inc({ limit: identity ? 'per_user' : 'per_ip' });
        const retryAfterSeconds = Math.ceil(rejection.msBeforeNext / 1000);
        res.setHeader('retry-after', String(retryAfterSeconds));
        res.status(429).json({
          errors: [
            {
              message: `Too many requests; retry in ${retryAfterSeconds} s`,
              extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
            },
          ],
        });
      },
    );
  };
}
