import {
  AddEventRewardDocument,
  EventsDocument,
  EventWithRewardsDocument,
  UpdateEventDocument,
} from '@rewardgraph/api-client';
import { Redis } from 'ioredis';
import { createReward } from '../support/catalog';
import { stack } from '../support/env';
import { adminSession, createEvent, type Session } from '../support/fixtures';
import { gqlOk } from '../support/graphql';
import { startEventsInstance, type ExtraInstance } from '../support/stack';
import { freePort, startThrowawayRedis, type ThrowawayRedis } from '../support/throwaway-redis';

/** Texts a careless cache would turn into something else: dates, ids, numbers, nothing much. */
const LOOKALIKES = [
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00.000Z',
  '0123456789abcdef01234567',
  '42',
  '-1.5e3',
  'null',
  'true',
  'Événement 🎉 日本語',
  '\u200b',
];
/** Activity names (lower-case letters, digits, _ . -) that look like an id, a date, a number. */
const ACTIVITIES = ['0123456789abcdef01234567', '2026-01-01', '42'];

const EVENT_REWARDS_OF_LIST = `query ($first: Int!) {
  events(first: $first) { nodes { id name description rewards { rewardId condition perUserLimit } } }
}`;

/** The cache's key in the data Redis: entries are kept apart per event database. */
const cacheKey = (key: string) => `rg:cache:${new URL(stack().eventDbUrl).pathname.slice(1)}:${key}`;

describe('the read cache through the gateway', () => {
  let admin: Session;
  let dataRedis: Redis;
  beforeAll(async () => {
    admin = await adminSession();
    dataRedis = new Redis(stack().dataRedisUrl);
  });
  afterAll(() => dataRedis.quit());

  it('when events and event rewards hold texts that look like dates, ids or numbers, then the cached second read returns them unchanged', async () => {
    const events = await Promise.all(
      LOOKALIKES.map((text, i) => createEvent(admin.token, { name: text, description: i % 2 ? text : '' })),
    );
    // Catalog rewards are not cached (each read loads them), but they show on the cached event rewards.
    const rewardId = await createReward(admin.token, { type: 'POINT', points: 100, name: LOOKALIKES[0] });
    for (const [i, activity] of ACTIVITIES.entries()) {
      await gqlOk(
        AddEventRewardDocument,
        {
          eventId: events[i]!.id,
          input: {
            rewardId,
            autoResolve: false,
            perUserLimit: 1,
            condition: { rule: { metric: 'ACTIVITY', activity, comparison: 'GTE', value: 1 } },
          },
        },
        { token: admin.token },
      );
    }
    const read = () =>
      Promise.all([
        Promise.all(events.map(({ id }) => gqlOk(EventWithRewardsDocument, { id }, { token: admin.token }))),
        gqlOk(EventsDocument, { first: 50 }, { token: admin.token }),
        gqlOk<{ events: { nodes: { id: string }[] } }>(
          EVENT_REWARDS_OF_LIST,
          { first: 50 },
          { token: admin.token },
        ),
      ]);

    const first = await read();
    for (const { id } of events) {
      expect(await dataRedis.exists(cacheKey(`event:${id}`), cacheKey(`event-rewards:${id}`))).toBe(2);
    }
    const second = await read();

    expect(second).toEqual(first);
    const [byId, list, withRewards] = second;
    byId.forEach(({ event, eventRewards }, i) => {
      expect(event).toMatchObject({ name: LOOKALIKES[i], description: i % 2 ? LOOKALIKES[i] : '' });
      expect(event!.periodStart).toBe(events[i]!.periodStart);
      if (i < ACTIVITIES.length) {
        expect(eventRewards).toHaveLength(1);
        expect(eventRewards[0]).toMatchObject({
          eventId: events[i]!.id,
          rewardId,
          condition: expect.objectContaining({ metric: `activity:${ACTIVITIES[i]}` }),
          reward: { name: LOOKALIKES[0] },
        });
      }
    });
    const listed = new Map(list.events.nodes.map((node) => [node.id, node]));
    for (const [i, { id }] of events.entries()) expect(listed.get(id)?.name).toBe(LOOKALIKES[i]);
    expect(withRewards.events.nodes.map(({ id }) => id)).toEqual(list.events.nodes.map(({ id }) => id));
  });
});

describe('the read cache when its Redis stops answering', () => {
  let admin: Session;
  let redis: ThrowawayRedis;
  let events: ExtraInstance;
  beforeAll(async () => {
    admin = await adminSession();
    redis = await startThrowawayRedis();
    // An instance whose cache (its data Redis) is the test's own, so pausing it touches nothing else.
    events = await startEventsInstance(stack(), 'events-cache-paused', await freePort(), {
      DATA_REDIS_URL: redis.url,
    });
  });
  afterAll(async () => {
    await events.stop();
    await redis.stop();
  });

  const fallbacks = async () => {
    const text = await (await fetch(`${events.url}/metrics`)).text();
    return Number(/^read_cache_fallbacks_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
  };

  it('when the cache Redis is paused, then reads answer from event-db within a second, writes succeed, and the fallbacks are counted', async () => {
    const url = `${events.url}/graphql`;
    const listFirst = () => gqlOk(EventsDocument, { first: 5 }, { token: admin.token, url });
    await listFirst();
    // Through the gateway's instance: the paused cache still holds the list from before.
    const created = await createEvent(admin.token);
    const before = await fallbacks();

    await redis.admin.call('CLIENT', 'PAUSE', '4000', 'ALL');
    const pausedAt = Date.now();
    const list = await listFirst();
    const listedIn = Date.now() - pausedAt;
    const { updateEvent } = await gqlOk(
      UpdateEventDocument,
      { id: created.id, input: { description: 'written while the cache is paused' } },
      { token: admin.token, url },
    );
    const { event } = await gqlOk(EventWithRewardsDocument, { id: created.id }, { token: admin.token, url });
    const doneIn = Date.now() - pausedAt;

    expect(listedIn).toBeLessThan(1000);
    expect(list.events.nodes.map(({ id }) => id)).toContain(created.id);
    expect(updateEvent.description).toBe('written while the cache is paused');
    expect(event?.description).toBe('written while the cache is paused');
    expect(doneIn).toBeLessThan(3000);
    expect(await fallbacks()).toBeGreaterThan(before);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 4000 - (Date.now() - pausedAt))));
  });
});
