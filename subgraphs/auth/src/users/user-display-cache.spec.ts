import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Types } from 'mongoose';
import pino from 'pino';
import { Registry } from 'prom-client';
import { CacheHealth, FAILURES_TO_BYPASS, Role } from '@rewardgraph/service-kit';
import { HOLD_MS, UserDisplayCache } from './user-display-cache';
import { type User } from './user.type';

/** A real Redis (scripts/infra/up.sh starts it): what is tested is what Redis does with GET, SET NX and PX. */
const REDIS_URL = process.env.USER_CACHE_SPEC_REDIS_URL ?? 'redis://127.0.0.1:6379/9';

const userOf = (overrides: Partial<User> = {}): User => ({
  id: new Types.ObjectId().toHexString(),
  email: `${randomUUID()}@spec.test`,
  roles: [Role.USER],
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedAt: new Date('2026-01-02T03:04:05.678Z'),
  ...overrides,
});

/** A load from "user-db": what the map holds now, and how many users it was asked for. */
function userDb(...users: User[]) {
  const rows = new Map(users.map((user) => [user.id, user]));
  const asked: string[][] = [];
  return {
    rows,
    asked,
    load: async (ids: string[]) => {
      asked.push(ids);
      return ids.map((id) => rows.get(id) ?? null);
    },
  };
}

/**
 * A deadline far beyond a healthy Redis by default: under a CI run's parallel builds a
 * first command can take longer than 50 ms, and a missed deadline bypasses the cache,
 * which is not what those tests are about. The hung-Redis test sets the real one.
 */
function cacheOn(redis: Redis, timeoutMs = 5000) {
  const registry = new Registry();
  const health = new CacheHealth(
    { name: 'user_cache', source: 'user-db', bypassMs: 1000, timeoutMs },
    pino({ level: 'silent' }),
    registry,
  );
  const cache = new UserDisplayCache(redis, {
    database: `spec_${randomUUID()}`,
    ttlSeconds: 60,
    health,
    registry,
  });
  const metric = async (name: string) =>
    (await registry.getSingleMetric(name)!.get()).values.map(({ labels, value }) => ({ ...labels, value }));
  return { cache, metric };
}

describe('the user display cache', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.ping();
  });
  afterAll(() => redis.quit());

  it('when users are read twice, then the second read is one batch of hits with the same values: dates as Dates, date- and id-like strings as strings', async () => {
    const users = [
      userOf({ email: '2026-01-01T00:00:00Z' }),
      userOf({ email: '0123456789abcdef01234567', roles: [Role.ADMIN, Role.USER] }),
      userOf({ email: '42' }),
    ];
    const db = userDb(...users);
    const { cache, metric } = cacheOn(redis);
    const ids = [users[0]!.id, new Types.ObjectId().toHexString(), users[1]!.id, users[2]!.id];

    const first = await cache.getMany(ids, db.load);
    const second = await cache.getMany(ids, db.load);

    expect(first).toEqual([users[0], null, users[1], users[2]]);
    expect(second).toEqual(first);
    expect(db.asked).toEqual([ids, [ids[1]]]);
    for (const user of second.filter((u) => u !== null)) {
      expect(user.createdAt).toBeInstanceOf(Date);
      expect(user.updatedAt).toBeInstanceOf(Date);
      expect(typeof user.email).toBe('string');
    }
    expect(second[0]!.email).toBe('2026-01-01T00:00:00Z');
    expect(await metric('user_cache_lookups_total')).toEqual(
      expect.arrayContaining([
        { result: 'hit', value: 3 },
        { result: 'miss', value: 5 },
      ]),
    );
  });

  it('when a write holds the entry while a read is loading the old user, then the old copy is answered but never stored, and the next read loads the new one', async () => {
    const before = userOf();
    const db = userDb(before);
    const { cache } = cacheOn(redis);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slowLoad = async (ids: string[]) => {
      const old = await db.load(ids);
      await released;
      return old;
    };

    const reading = cache.getMany([before.id], slowLoad);
    await sleep(20);
    // The write: user-db first, then the hold.
    const after = { ...before, roles: [Role.AUDITOR, Role.USER], updatedAt: new Date() };
    db.rows.set(before.id, after);
    await cache.hold(before.id);
    release();

    expect(await reading).toEqual([before]);
    expect(await redis.get(cache.keyOf(before.id))).toBe('hold');
    expect(await cache.getMany([before.id], db.load)).toEqual([after]);
    expect(await redis.get(cache.keyOf(before.id))).toBe('hold');
    expect(await redis.pttl(cache.keyOf(before.id))).toBeLessThanOrEqual(HOLD_MS);
  });

  it('when a read stores the old user just before the write holds it, then the hold replaces it', async () => {
    const before = userOf();
    const db = userDb(before);
    const { cache } = cacheOn(redis);

    await cache.getMany([before.id], db.load);
    db.rows.set(before.id, { ...before, roles: [Role.OPERATOR], updatedAt: new Date() });
    await cache.hold(before.id);

    expect(await redis.get(cache.keyOf(before.id))).toBe('hold');
    expect(await cache.getMany([before.id], db.load)).toEqual([db.rows.get(before.id)]);
  });

  it('when a load took longer than half a hold, then its copy is answered but not stored (a hold set after it started may be gone by now)', async () => {
    const user = userOf();
    const db = userDb(user);
    const { cache } = cacheOn(redis);

    const answer = await cache.getMany([user.id], async (ids) => {
      await sleep(HOLD_MS / 2 + 100);
      return db.load(ids);
    });

    expect(answer).toEqual([user]);
    expect(await redis.exists(cache.keyOf(user.id))).toBe(0);
  }, 10_000);

  describe('when its Redis accepts connections but never answers', () => {
    let silent: Server;
    let hung: Redis;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => sockets.push(socket));
      silent.listen(0, '127.0.0.1');
      await once(silent, 'listening');
      hung = new Redis({
        port: (silent.address() as { port: number }).port,
        host: '127.0.0.1',
        enableReadyCheck: false,
        maxRetriesPerRequest: 1,
      });
    });
    afterAll(() => {
      hung.disconnect();
      for (const socket of sockets) socket.destroy();
      silent.close();
    });

    it('then reads answer from user-db within the deadline, after a few failures in a row without waiting, writes still return, and fallbacks are counted', async () => {
      const user = userOf();
      const db = userDb(user);
      const { cache, metric } = cacheOn(hung, 50);

      const started = performance.now();
      const failing: (User | null)[][] = [];
      for (let read = 0; read < FAILURES_TO_BYPASS; read += 1)
        failing.push(await cache.getMany([user.id], db.load));
      const failingMs = performance.now() - started;
      const bypassing = await cache.getMany([user.id], db.load);
      const bypassingMs = performance.now() - started - failingMs;
      await cache.hold(user.id);

      expect([...failing, bypassing]).toEqual(Array.from({ length: FAILURES_TO_BYPASS + 1 }, () => [user]));
      expect(failingMs).toBeLessThan(500 * FAILURES_TO_BYPASS);
      expect(bypassingMs).toBeLessThan(20);
      expect(await metric('user_cache_fallbacks_total')).toEqual([{ value: FAILURES_TO_BYPASS + 1 }]);
      expect(await metric('user_cache_errors_total')).toEqual(
        expect.arrayContaining([
          { operation: 'get', value: FAILURES_TO_BYPASS },
          { operation: 'delete', value: 1 },
        ]),
      );
    });
  });
});
