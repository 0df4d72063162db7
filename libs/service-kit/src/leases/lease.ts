import { type Redis } from 'ioredis';
import { Mutex } from 'redis-semaphore';

export interface LeaseOptions {
  /**
   * How long the lease outlives a holder that stops renewing it (a killed instance).
   * While the work runs it is renewed every 0.8 × ttlMs, so the work may take longer.
   */
  ttlMs: number;
  /** How long to wait while another instance holds it; 0 (the default) tries once. */
  waitMs?: number;
}

export type LeaseOutcome<T> = { held: true; value: T } | { held: false };

/** How often a waiting caller asks again. */
const RETRY_MS = 25;

/**
 * The client as redis-semaphore's renewal timer sees it. The library renews from a
 * timer and lets a failed command escape as an unhandled rejection, which would end the
 * process during a Redis blip; a renewal or release that fails here counts as "not
 * ours" instead, which is the only safe reading: the work is told its lease is lost
 * (the key expires by itself). NOSCRIPT still reaches the library, which then sends the
 * script in full.
 */
function renewalView(redis: Redis) {
  const notOurs = (error: unknown) => {
    if (String(error).includes('NOSCRIPT')) throw error;
    return 0;
  };
  return {
    get: redis.get.bind(redis),
    set: redis.set.bind(redis),
    zrem: redis.zrem.bind(redis),
    options: redis.options,
    eval: ((...args: Parameters<Redis['eval']>) => redis.eval(...args).catch(notOurs)) as Redis['eval'],
    evalsha: ((...args: Parameters<Redis['evalsha']>) =>
      redis.evalsha(...args).catch(notOurs)) as Redis['evalsha'],
  };
}

/**
 * Runs `work` while this process holds the lease `key` in Redis, so that among all the
 * instances of a service exactly one runs it at a time (redis-semaphore's Mutex: SET NX
 * PX with a random token, renewed and released only by its holder). When another
 * instance holds it, `{ held: false }` comes back without running anything (after
 * `waitMs`, if given). `lost` aborts when the lease could not be renewed (Redis was
 * unreachable, or the key expired under a stalled process): the work should stop at its
 * next step, since another instance may now hold it.
 */
export async function underLease<T>(
  redis: Redis,
  key: string,
  { ttlMs, waitMs = 0 }: LeaseOptions,
  work: (lost: AbortSignal) => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const lost = new AbortController();
  const lease = new Mutex(renewalView(redis), key, {
    lockTimeout: ttlMs,
    // The library gives up when either runs out: one attempt, or attempts until the wait ends.
    acquireTimeout: Math.max(waitMs, 1),
    acquireAttemptsLimit: waitMs > 0 ? Number.POSITIVE_INFINITY : 1,
    retryInterval: RETRY_MS,
    onLockLost: (error) => lost.abort(error),
  });
  if (!(await lease.tryAcquire())) return { held: false };
  try {
    return { held: true, value: await work(lost.signal) };
  } finally {
    await lease.release();
  }
}
