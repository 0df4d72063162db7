import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { underLease } from './lease';

/** A real Redis (scripts/infra/up.sh starts it): what is tested is what Redis does with the commands. */
const REDIS_URL = process.env.LEASE_SPEC_REDIS_URL ?? 'redis://127.0.0.1:6379/9';

describe('underLease', () => {
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    clients.push(redis);
    return redis;
  };
  afterAll(() => Promise.all(clients.map((redis) => redis.quit().catch(() => undefined))));

  it('when eight instances race for one lease, then exactly one runs the work and the others are told it is held', async () => {
    const key = `spec:lease:${randomUUID()}`;
    let running = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        underLease(client(), key, { ttlMs: 5000 }, async () => {
          running++;
          await sleep(100);
          return running;
        }),
      ),
    );
    expect(outcomes.filter((o) => o.held)).toEqual([{ held: true, value: 1 }]);
  });

  it('when work outlasts the lease time, then the lease is renewed and nobody else gets it meanwhile', async () => {
    const key = `spec:lease:${randomUUID()}`;
    const [long, intruder] = [client(), client()];
    const intrusions: boolean[] = [];
    const outcome = await underLease(long, key, { ttlMs: 300 }, async (lost) => {
      for (let i = 0; i < 6; i++) {
        await sleep(150);
        intrusions.push((await underLease(intruder, key, { ttlMs: 300 }, async () => true)).held);
      }
      return lost.aborted;
    });
    expect(outcome).toEqual({ held: true, value: false });
    expect(intrusions).toEqual(Array(6).fill(false));
  });

  it('when the holder dies (its connection gone, nothing renews), then the lease expires and another instance takes it', async () => {
    const key = `spec:lease:${randomUUID()}`;
    const dying = client();
    const taken = new Promise<void>((resolve) => {
      void underLease(dying, key, { ttlMs: 400 }, async () => {
        resolve();
        dying.disconnect();
        await sleep(2000);
      });
    });
    await taken;
    const started = Date.now();
    const outcome = await underLease(client(), key, { ttlMs: 400, waitMs: 3000 }, async () => 'mine');
    expect(outcome).toEqual({ held: true, value: 'mine' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('when the lease cannot be renewed, then the work is told through its signal instead of the process failing', async () => {
    const key = `spec:lease:${randomUUID()}`;
    const redis = client();
    const outcome = await underLease(redis, key, { ttlMs: 200 }, async (lost) => {
      redis.disconnect();
      await sleep(500);
      return lost.aborted;
    });
    expect(outcome).toEqual({ held: true, value: true });
  });

  it('when callers wait for the lease, then each runs in turn, never two at once', async () => {
    const key = `spec:lease:${randomUUID()}`;
    let inside = 0;
    let most = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        underLease(client(), key, { ttlMs: 2000, waitMs: 5000 }, async () => {
          most = Math.max(most, ++inside);
          await sleep(30);
          inside--;
        }),
      ),
    );
    expect(outcomes.every((o) => o.held)).toBe(true);
    expect(most).toBe(1);
  });
});
