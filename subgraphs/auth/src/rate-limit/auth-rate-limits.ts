import { type Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '@rewardgraph/service-kit';
import { type AuthConfig, type Limit } from '../config';

/**
 * Limits on credential use, in the "secure" Redis. rate-limiter-flexible consumes a
 * point with one atomic Redis operation, so parallel attempts (and aliases, each of
 * which calls the resolver) are counted one by one and none slips through.
 *
 * Logins follow OWASP's advice and rate-limiter-flexible's login pattern: failures
 * count per (account, address), where the owner's own address has a count of its own,
 * and, with a higher ceiling, per account, against attackers spread over many
 * addresses; every attempt also counts per address. Points are consumed before the
 * password is checked (a `get` first would let a parallel burst through the check
 * whole); a correct password gives its points back, so only failures stay counted.
 */
export class AuthRateLimits {
  private readonly loginPerIp: RateLimiterRedis;
  private readonly loginPerAccountIp: RateLimiterRedis;
  private readonly loginPerAccount: RateLimiterRedis;
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
    this.loginPerIp = limiter('login:ip', config.LOGIN_LIMIT_PER_IP);
    this.loginPerAccountIp = limiter('login:account-ip', config.LOGIN_LIMIT_PER_ACCOUNT_IP);
    this.loginPerAccount = limiter('login:account', config.LOGIN_LIMIT_PER_ACCOUNT);
    this.signUpPerIp = limiter('signup:ip', config.SIGNUP_LIMIT_PER_IP);
    this.refreshPerIp = limiter('refresh:ip', config.REFRESH_LIMIT_PER_IP);
    this.refreshPerAccount = limiter('refresh:account', config.REFRESH_LIMIT_PER_ACCOUNT);
  }

  /**
   * Counts a login attempt before its password is checked. The order matters: an
   * attempt refused for its (account, address) never reaches the account's count, so
   * one address cannot spend the ceiling the owner's other addresses share.
   */
  async loginAttempt(clientIp: string, email: string): Promise<void> {
    await consume(this.loginPerIp, clientIp);
    await consume(this.loginPerAccountIp, accountAddress(email, clientIp));
    await consume(this.loginPerAccount, email);
  }

  /** A correct password clears its address's failures and gives back its point on the account. */
  async loginSucceeded(clientIp: string, email: string): Promise<void> {
    await this.loginPerAccountIp.delete(accountAddress(email, clientIp));
    await this.loginPerAccount.reward(email, 1);
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

/** An address holds no space, so the last space splits the pair: no other pair makes the same key. */
const accountAddress = (email: string, clientIp: string) => `${email} ${clientIp}`;

async function consume(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
