import { type RequestHandler } from 'express';
import { type Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '@rewardgraph/service-kit';

export interface ClientLimit {
  points: number;
  seconds: number;
}

/**
 * A ceiling on requests per client IP, in the "data" Redis, before any parsing or
 * planning: it keeps one client from taking the whole gateway. Finer limits live where
 * the knowledge is (credentials in auth, `@rateLimit` per field in the subgraphs).
 */
export function clientRateLimit(redis: Redis, { points, seconds }: ClientLimit): RequestHandler {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: 'rg:rl:gateway:ip',
    points,
    duration: seconds,
  });
  return (req, res, next) => {
    limiter.consume(req.ip ?? 'unknown').then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
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
