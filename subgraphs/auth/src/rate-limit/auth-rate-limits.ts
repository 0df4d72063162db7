import { type Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '@rewardgraph/service-kit';
import { type AuthConfig, type Limit } from '../config';

/**
 * Limits on credential use, in the "secure" Redis. rate-limiter-flexible consumes a
 * point with one atomic Redis operation, so parallel attempts (and aliases, each of
 * which calls the resolver) are counted one by one and none slips through.
 */
export class AuthRateLimits {
  private readonly loginPerAccount: RateLimiterRedis;
  private readonly loginPerIp: RateLimiterRedis;
  private readonly signUpPerIp: RateLimiterRedis;
  private readonly refreshPerIp: RateLimiterRedis;
  private readonly refreshPerAccount: RateLimiterRedis;

  constructor(redis: Redis, config: AuthConfig) {
    const limiter = (keyPrefix: string, { points, seconds }: Limit) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `rg:rl:${keyPrefix}`,
        points,
        duration: seconds,
      });
    this.loginPerAccount = limiter('login:account', config.LOGIN_LIMIT_PER_ACCOUNT);
    this.loginPerIp = limiter('login:ip', config.LOGIN_LIMIT_PER_IP);
    this.signUpPerIp = limiter('signup:ip', config.SIGNUP_LIMIT_PER_IP);
    this.refreshPerIp = limiter('refresh:ip', config.REFRESH_LIMIT_PER_IP);
    this.refreshPerAccount = limiter('refresh:account', config.REFRESH_LIMIT_PER_ACCOUNT);
  }

  async loginAttempt(clientIp: string, email: string): Promise<void> {
    await consume(this.loginPerIp, clientIp);
    await consume(this.loginPerAccount, email);
  }

  /** A correct password clears the account's count, so its owner is not locked out by earlier typos. */
  async loginSucceeded(email: string): Promise<void> {
    await this.loginPerAccount.delete(email);
  }

  signUpAttempt(clientIp: string): Promise<void> {
    return consume(this.signUpPerIp, clientIp);
  }

  refreshAttempt(clientIp: string): Promise<void> {
    return consume(this.refreshPerIp, clientIp);
  }

  refreshForUser(userId: string): Promise<void> {
    return consume(this.refreshPerAccount, userId);
  }
}

async function consume(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
