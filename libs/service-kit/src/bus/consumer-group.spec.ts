import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { ConsumerGroup } from './consumer-group';
import { toStreamFields } from './domain-event';

/** A real Redis (scripts/infra/up.sh starts it): XAUTOCLAIM and XINFO are what is tested. */
const REDIS_URL = process.env.LEASE_SPEC_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const CLAIM_IDLE_MS = 300;

describe('a consumer group with consumers that come and go', () => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  const stream = `spec:stream:${randomUUID()}`;
  const member = (consumer: string) =>
    new ConsumerGroup({ redis, stream, group: 'spec', consumer, claimIdleMs: CLAIM_IDLE_MS });
  const consumers = async () =>
    ((await redis.xinfo('CONSUMERS', stream, 'spec')) as unknown[][]).map((c) => [c[1], c[3]]);
  const publish = (n: number) =>
    Promise.all(
      Array.from({ length: n }, () =>
        redis.xadd(
          stream,
          '*',
          ...toStreamFields({
            id: randomUUID(),
            type: 'spec',
            occurredAt: new Date().toISOString(),
            data: {},
          }),
        ),
      ),
    );
  afterAll(async () => {
    await redis.del(stream);
    await redis.quit();
  });

  it('when a consumer dies holding entries, then a live one takes them over and forgets it; a consumer holding entries is kept', async () => {
    const dead = member('events-host-101');
    const holder = member('events-host-102');
    const live = member('events-host-103');
    await live.create();
    await publish(3);
    expect(await dead.next()).toHaveLength(3);

    // Within the idle time nothing is taken, and nobody is forgotten.
    expect(await live.claimStuck()).toEqual([]);
    expect(await consumers()).toEqual([['events-host-101', 3]]);

    await sleep(CLAIM_IDLE_MS + 50);
    await publish(1);
    expect(await holder.next()).toHaveLength(1);
    expect(await live.claimStuck()).toHaveLength(3);
    expect(Object.fromEntries(await consumers())).toEqual({ 'events-host-102': 1, 'events-host-103': 3 });

    // Idle for long, but it holds an entry: forgetting it would lose that entry.
    await sleep(CLAIM_IDLE_MS + 50);
    expect(await live.forgetDead()).toBe(0);
    expect(Object.fromEntries(await consumers())).toEqual({ 'events-host-102': 1, 'events-host-103': 3 });
  });
});
