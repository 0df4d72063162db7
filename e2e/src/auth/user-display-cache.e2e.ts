import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Algorithm, hash } from '@node-rs/argon2';
import { UpdateUserRolesDocument, type Role } from '@rewardgraph/api-client';
import { cacheEncoding } from '@rewardgraph/service-kit';
import { Redis } from 'ioredis';
import { ObjectId } from 'mongodb';
import { offer, requestReward } from '../support/catalog';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, login, newUser, type Session } from '../support/fixtures';
import { gql, gqlOk } from '../support/graphql';
import { startAuthInstance, type ExtraInstance } from '../support/stack';
import { freePort, startThrowawayRedis, type ThrowawayRedis } from '../support/throwaway-redis';

/**
 * The auth subgraph's user display cache (docs/auth.md, "The user display cache"): what
 * `_entities` answers for users comes from the secure Redis when it is there, and every
 * write to a user removes it before the write returns.
 */
interface Display {
  id: string;
  email: string;
  roles: string[];
  createdAt: string;
  updatedAt: string;
}
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email roles createdAt updatedAt } } }`;
const entities = async (token: string, ids: string[], url = `${stack().authUrl}/graphql`) =>
  (
    await gqlOk<{ _entities: (Display | null)[] }>(
      ENTITIES,
      { r: ids.map((id) => ({ __typename: 'User', id })) },
      { token, url },
    )
  )._entities;

/** The entry's key in the secure Redis: entries are kept apart per user database. */
const cacheKey = (id: string) => `rg:cache:${new URL(stack().userDbUrl).pathname.slice(1)}:user:v1:${id}`;

/** The user as user-db holds it, in the form `_entities` answers. */
const stored = (id: string) =>
  withDb(stack().userDbUrl, async (db) => {
    const user = await db.collection('users').findOne({ _id: new ObjectId(id) });
    return {
      id,
      email: user!.email as string,
      roles: user!.roles as string[],
      createdAt: (user!.createdAt as Date).toISOString(),
      updatedAt: (user!.updatedAt as Date).toISOString(),
    };
  });

const REVIEW_QUEUE_USERS = `query ($filter: RewardRequestFilter) {
  rewardRequests(first: 5, filter: $filter) { nodes { user { id roles updatedAt } } }
}`;

describe('the user display cache', () => {
  let admin: Session;
  let secure: Redis;
  beforeAll(async () => {
    admin = await adminSession();
    secure = new Redis(stack().secureRedisUrl);
  });
  afterAll(() => secure.quit());

  it('when a cached user’s roles change, then _entities and the gateway show the new roles as soon as the mutation returns', async () => {
    const player = await newUser('promoted');
    const { eventId, rewardId } = await offer();
    await requestReward(player.token, eventId, rewardId);
    const viaGateway = async () =>
      (
        await gqlOk<{ rewardRequests: { nodes: { user: Omit<Display, 'email' | 'createdAt'> }[] } }>(
          REVIEW_QUEUE_USERS,
          { filter: { userId: player.userId } },
          { token: admin.token },
        )
      ).rewardRequests.nodes[0]!.user;
    expect((await entities(admin.token, [player.userId]))[0]!.roles).toEqual(['USER']);
    expect((await viaGateway()).roles).toEqual(['USER']);
    expect(await secure.exists(cacheKey(player.userId))).toBe(1);

    await gqlOk(
      UpdateUserRolesDocument,
      { id: player.userId, roles: ['AUDITOR', 'USER'] },
      { token: admin.token },
    );

    const expected = await stored(player.userId);
    expect(expected.roles).toEqual(['AUDITOR', 'USER']);
    expect(await entities(admin.token, [player.userId])).toEqual([expected]);
    expect(await viaGateway()).toEqual({
      id: player.userId,
      roles: expected.roles,
      updatedAt: expected.updatedAt,
    });
  });

  it('when a cached user’s password hash is replaced (the rehash at login), then _entities shows the new updatedAt as soon as the login returns', async () => {
    const player = await newUser('rehashed');
    // A hash made with weaker parameters, as an older release made it: the next login replaces it.
    const weak = await hash(player.password, {
      algorithm: Algorithm.Argon2id,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    await withDb(stack().userDbUrl, (db) =>
      db
        .collection('users')
        .updateOne({ _id: new ObjectId(player.userId) }, { $set: { passwordHash: weak } }),
    );
    const [before] = await entities(admin.token, [player.userId]);
    expect(await secure.exists(cacheKey(player.userId))).toBe(1);

    await login(player.email, player.password);

    const expected = await stored(player.userId);
    expect(expected.updatedAt).not.toBe(before!.updatedAt);
    expect(await entities(admin.token, [player.userId])).toEqual([expected]);
  });

  it('when a reference names nobody, then it is null and nothing is cached for it', async () => {
    const nobody = new ObjectId().toHexString();

    const result = await gql<{ _entities: unknown[] }>(
      ENTITIES,
      { r: [{ __typename: 'User', id: nobody }] },
      { token: admin.token, url: `${stack().authUrl}/graphql` },
    );

    expect(result.data?._entities).toEqual([null]);
    expect(await secure.exists(cacheKey(nobody))).toBe(0);
  });

  it('when users whose emails look like ids, dates or numbers are read again from the cache, then they come back unchanged, with dates as dates', async () => {
    const domain = `${randomUUID()}.e2e.rewardgraph.test`;
    const emails = [
      `0123456789abcdef01234567@${domain}`,
      `2026-01-01@${domain}`,
      `42@${domain}`,
      `null@${domain}`,
    ];
    const players = await Promise.all(
      emails.map(async (email) => {
        const password = `pw-${randomUUID()}`;
        await gqlOk(`mutation ($input: SignUpInput!) { signUp(input: $input) { id } }`, {
          input: { email, password },
        });
        return login(email, password);
      }),
    );
    const ids = players.map(({ userId }) => userId);

    const first = await entities(admin.token, ids);
    expect(await secure.exists(...ids.map(cacheKey))).toBe(ids.length);
    const second = await entities(admin.token, ids);

    expect(first).toEqual(await Promise.all(ids.map(stored)));
    expect(second).toEqual(first);
    expect(second.map((user) => user!.email)).toEqual(emails);
    const entry = cacheEncoding.deserialize((await secure.get(cacheKey(ids[1]!)))!) as Record<
      string,
      unknown
    >;
    expect(entry.createdAt).toBeInstanceOf(Date);
    expect(entry.updatedAt).toBeInstanceOf(Date);
    expect(entry).toEqual({
      id: ids[1],
      email: emails[1],
      roles: ['USER'],
      createdAt: new Date(first[1]!.createdAt),
      updatedAt: new Date(first[1]!.updatedAt),
    });
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'email', 'id', 'roles', 'updatedAt']);
  });

  it('when reads of a user run all the while their roles change, then once the change has returned its hold keeps out every copy read before it, and reads show the new roles', async () => {
    // Entries end on their own (TTL, eviction) at any moment, holds only when they expire:
    // removing the user's entry over and over keeps the readers loading from user-db, so
    // some load the old user just before the write and store just after it.
    const EXPIRE_ENTRY = `if redis.call('GET', KEYS[1]) ~= 'hold' then return redis.call('DEL', KEYS[1]) end return 0`;
    for (let round = 0; round < 8; round++) {
      const player = await newUser(`raced-${round}`);
      const roles: Role[] = round % 2 ? ['OPERATOR', 'USER'] : ['AUDITOR', 'USER'];
      let racing = true;
      const readers = Array.from({ length: 6 }, async () => {
        while (racing) await entities(admin.token, [player.userId]);
      });
      const expirer = (async () => {
        while (racing) await secure.eval(EXPIRE_ENTRY, 1, cacheKey(player.userId));
      })();
      await sleep(20);
      await gqlOk(UpdateUserRolesDocument, { id: player.userId, roles }, { token: admin.token });
      racing = false;
      await Promise.all([...readers, expirer]);

      // Only the hold may be there: a reader that stored over it could have stored the old roles.
      expect({ round, entry: await secure.get(cacheKey(player.userId)) }).toEqual({ round, entry: 'hold' });
      expect((await entities(admin.token, [player.userId]))[0]!.roles).toEqual(roles);
    }
  });
});

describe('the user display cache when the secure Redis stops answering', () => {
  let admin: Session;
  let redis: ThrowawayRedis;
  let auth: ExtraInstance;
  beforeAll(async () => {
    admin = await adminSession();
    redis = await startThrowawayRedis();
    // An auth instance whose secure Redis is the test's own, so pausing it touches nothing else.
    auth = await startAuthInstance(stack(), 'auth-user-cache-paused', await freePort(), {
      SECURE_REDIS_URL: redis.url,
    });
  });
  afterAll(async () => {
    await auth.stop();
    await redis.stop();
  });

  const fallbacks = async () => {
    const text = await (await fetch(`${auth.url}/metrics`)).text();
    return Number(/^user_cache_fallbacks_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
  };

  it('when the secure Redis is paused, then twenty user references resolve from user-db within a second, and the fallbacks are counted', async () => {
    const url = `${auth.url}/graphql`;
    const players = await Promise.all(Array.from({ length: 20 }, (_, i) => newUser(`paused-${i}`)));
    const ids = players.map(({ userId }) => userId);
    const expected = await entities(admin.token, ids, url);
    expect(await redis.admin.exists(...ids.map(cacheKey))).toBe(ids.length);
    const before = await fallbacks();

    await redis.admin.call('CLIENT', 'PAUSE', '4000', 'ALL');
    const pausedAt = Date.now();
    const first = await entities(admin.token, ids, url);
    const firstIn = Date.now() - pausedAt;
    const second = await entities(admin.token, ids, url);
    const bothIn = Date.now() - pausedAt;

    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(firstIn).toBeLessThan(1000);
    expect(bothIn).toBeLessThan(1500);
    expect(await fallbacks()).toBeGreaterThanOrEqual(before + 2);
    await sleep(Math.max(0, 4000 - (Date.now() - pausedAt)));
  });
});
