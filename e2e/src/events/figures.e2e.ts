import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { CacheHealth, createMetricsRegistry, DaySets } from '@rewardgraph/service-kit';
import { pino } from 'pino';
import { ObjectId } from 'mongodb';
import {
  AddEventRewardDocument,
  CreateEventDocument,
  CreateRewardDocument,
  RecordActivityDocument,
  RequestRewardDocument,
  ReviewRewardRequestDocument,
} from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, newUser, type Session } from '../support/fixtures';
import { gql, gqlOk } from '../support/graphql';
import { eventually } from '../support/sessions';
import { startEventsInstance, type ExtraInstance } from '../support/stack';

/**
 * The request tally (counts by status and day kept in Redis) checked against the database
 * it counts. An events instance of its own, on a database of its own, so that no other
 * test's requests move the figures while they are compared; its upkeep runs every 300 ms.
 */
const PORT = 13112;
const DAY_MS = 86_400_000;
const STATUSES = ['RECEIVED', 'PENDING', 'APPROVED', 'REJECTED'] as const;

let instance: ExtraInstance;
let url: string;
let dbUrl: string;
let admin: Session;
let redis: Redis;

const database = () => new URL(dbUrl).pathname.slice(1);
const tallyKeys = () => `rg:tally:{${database()}:requests}`;
/** Every figure of the instance's database: the tally, the day sets, the upkeep's lease. */
const allFigureKeys = () => redis.keys(`rg:tally:{${database()}*`);
const figuresBuilt = () =>
  eventually(async () => {
    const built = ['requests', 'participants', 'active', 'activities'].map(
      (figure) => `rg:tally:{${database()}:${figure}}:built`,
    );
    return (await redis.exists(...built)) === built.length;
  }, 20_000);

beforeAll(async () => {
  dbUrl = stack().eventDbUrl.replace(/_events$/, `_tally_${Date.now().toString(36)}`);
  instance = await startEventsInstance(stack(), 'events-tally', PORT, {
    EVENT_DB_URL: dbUrl,
    // A bus of its own: on the stack's, it would take its share of the logins and count them here.
    BUS_REDIS_URL: stack().busRedisUrl.replace(/\/\d+$/, '/4'),
    RECOVERY_INTERVAL_MS: '300',
    RECOVERY_GRACE_MS: '1000',
  });
  url = `${instance.url}/graphql`;
  admin = await adminSession();
  redis = new Redis(stack().dataRedisUrl);
}, 60_000);

afterAll(async () => {
  redis?.disconnect();
  await instance?.stop();
});

const LIST = `query Tallied($status: RequestStatus, $first: Int!, $after: String, $direction: OrderDirection!) {
  rewardRequests(filter: { status: $status }, first: $first, after: $after, orderBy: { field: CREATED_AT, direction: $direction }) {
    totalCount
    nodes { id status }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ANALYTICS = `query TalliedAnalytics($range: DateRangeInput!, $users: [_Any!]!) {
  rewardAnalytics(range: $range) { requestStatusDistribution { status count } requestTimeline { day count } }
  _entities(representations: $users) {
    ... on UserAnalytics { participants activeUsers activityTimeline { day count } }
  }
}`;

interface ListPage {
  rewardRequests: {
    totalCount: number;
    nodes: { id: string; status: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const totalOf = async (status?: string) =>
  (await gqlOk<ListPage>(LIST, { status, first: 1, direction: 'DESC' }, { token: admin.token, url }))
    .rewardRequests.totalCount;

/** What the service answers: each status's total, the whole list's, and the analytics of the last 90 days. */
async function answered() {
  const range = {
    from: new Date(Date.now() - 90 * DAY_MS).toISOString(),
    to: new Date(Date.now() + DAY_MS).toISOString(),
  };
  type Timeline = { day: string; count: number }[];
  const { rewardAnalytics, _entities } = await gqlOk<{
    rewardAnalytics: {
      requestStatusDistribution: { status: string; count: number }[];
      requestTimeline: Timeline;
    };
    _entities: { participants: number; activeUsers: number; activityTimeline: Timeline }[];
  }>(ANALYTICS, { range, users: [{ __typename: 'UserAnalytics', range }] }, { token: admin.token, url });
  const [users] = _entities;
  const daysWithData = (timeline: Timeline) =>
    timeline.filter((d) => d.count > 0).map((d) => [d.day, d.count]);
  return {
    totals: Object.fromEntries(await Promise.all(STATUSES.map(async (s) => [s, await totalOf(s)]))),
    all: await totalOf(),
    distribution: Object.fromEntries(
      rewardAnalytics.requestStatusDistribution.map((d) => [d.status, d.count]),
    ),
    perDay: daysWithData(rewardAnalytics.requestTimeline),
    participants: users.participants,
    activeUsers: users.activeUsers,
    activityPerDay: daysWithData(users.activityTimeline),
  };
}

/** The same figures, counted in the database. */
const counted = () =>
  withDb(dbUrl, async (db) => {
    const requests = db.collection('reward_requests');
    const totals = Object.fromEntries(
      await Promise.all(STATUSES.map(async (s) => [s, await requests.countDocuments({ status: s })])),
    );
    const perDay = async (collection: string) =>
      (
        await db
          .collection(collection)
          .aggregate<{ _id: string; n: number }>([{ $group: { _id: '$day', n: { $sum: 1 } } }])
          .toArray()
      )
        .sort((a, b) => a._id.localeCompare(b._id))
        .map((d) => [d._id, d.n]);
    const usersOf = async (collection: string) =>
      (
        await db
          .collection(collection)
          .find({}, { projection: { userId: 1 } })
          .toArray()
      ).map((d) => String(d.userId));
    return {
      totals,
      all: await requests.countDocuments({}),
      distribution: totals,
      perDay: await perDay('reward_requests'),
      participants: new Set(await usersOf('reward_requests')).size,
      activeUsers: new Set([...(await usersOf('login_days')), ...(await usersOf('activities'))]).size,
      activityPerDay: await perDay('activities'),
    };
  });

async function offerOnInstance(stock: number) {
  const { createEvent: event } = await gqlOk(
    CreateEventDocument,
    {
      input: {
        name: `tally-${randomUUID()}`,
        periodStart: new Date(Date.now() - DAY_MS).toISOString(),
        periodEnd: new Date(Date.now() + DAY_MS).toISOString(),
        status: 'ACTIVE',
      },
    },
    { token: admin.token, url },
  );
  const { createReward: reward } = await gqlOk(
    CreateRewardDocument,
    { input: { name: `tally-${randomUUID()}`, type: 'POINT', points: 5 } },
    { token: admin.token, url },
  );
  await gqlOk(
    AddEventRewardDocument,
    { eventId: event.id, input: { rewardId: reward.id, autoResolve: false, stock, perUserLimit: 1 } },
    { token: admin.token, url },
  );
  return { eventId: event.id, rewardId: reward.id };
}

describe('the request tally', () => {
  jest.setTimeout(90_000);

  it('when players race for a scarce reviewed reward and operators race to decide, then every total and the analytics equal the database’s counts', async () => {
    const { eventId, rewardId } = await offerOnInstance(6);
    const players = await Promise.all(Array.from({ length: 10 }, (_, i) => newUser(`tally-${i}`)));
    // Activities over three days, each key sent twice: active users and the activity timeline.
    await Promise.all(
      players.slice(0, 6).flatMap((player, i) =>
        [0, 0, 1].map((n) =>
          gqlOk(
            RecordActivityDocument,
            {
              input: {
                userId: player.userId,
                name: 'quest',
                key: `quest-${player.userId}-${n}`,
                occurredAt: new Date(Date.now() - (i % 3) * DAY_MS).toISOString(),
              },
            },
            { token: admin.token, url },
          ),
        ),
      ),
    );
    // Three tries each at once: one holds the player's limit, the others are undone (CONFLICT) or refused.
    await Promise.all(
      players.flatMap((player) =>
        [0, 1, 2].map(() =>
          gql(
            RequestRewardDocument,
            { eventId, rewardId, idempotencyKey: randomUUID() },
            { token: player.token, url },
          ),
        ),
      ),
    );
    const pending = await withDb(dbUrl, (db) =>
      db.collection('reward_requests').find({ status: 'PENDING' }).toArray(),
    );
    expect(pending.length).toBeGreaterThan(0);
    await Promise.all(
      pending.flatMap((request, i) =>
        (['APPROVED', 'REJECTED'] as const).map((status) =>
          i % 3 === 0
            ? Promise.resolve()
            : gql(
                ReviewRewardRequestDocument,
                {
                  id: request._id.toHexString(),
                  input: { status, reason: status === 'REJECTED' ? 'race' : null },
                },
                { token: admin.token, url },
              ),
        ),
      ),
    );

    const expected = await counted();
    expect(expected.totals.PENDING).toBeGreaterThan(0);
    expect(expected.totals.REJECTED).toBeGreaterThan(0);
    expect(await answered()).toEqual(expected);
  });

  it('when the figures are lost, then lists and analytics count in the database meanwhile, and the upkeep builds them again to the same figures', async () => {
    const expected = await counted();
    await redis.del(...(await allFigureKeys()));
    expect(await answered()).toEqual(expected);
    expect(await figuresBuilt()).toBe(true);
    expect(await answered()).toEqual(expected);
  });

  it('when a process stopped between writing a decision and recording it, then the upkeep records it from the database', async () => {
    const request = await withDb(dbUrl, (db) =>
      db.collection('reward_requests').findOne({ status: 'PENDING' }),
    );
    const before = await totalOf('REJECTED');
    await withDb(dbUrl, (db) =>
      db.collection('reward_requests').updateOne({ _id: request!._id }, { $set: { status: 'REJECTED' } }),
    );
    await redis.zadd(
      `${tallyKeys()}:intents`,
      Date.now() - 5000,
      `${request!._id.toHexString()} ${request!.day}`,
    );

    expect(await eventually(async () => (await totalOf('REJECTED')) === before + 1, 10_000)).toBe(true);
    expect(await answered()).toEqual(await counted());
  });

  it('when the review queue spans many day buckets, some a day off their ids’ time, then paging it either way returns each PENDING request once, in id order', async () => {
    const now = Date.now();
    const written = Array.from({ length: 40 }, (_, i) => {
      const at = new Date(now - (3 + Math.floor(i / 3)) * DAY_MS + (i % 3) * 3_600_000);
      const _id = ObjectId.createFromTime(Math.floor(at.getTime() / 1000));
      const skew = i % 7 === 0 ? DAY_MS : i % 11 === 0 ? -DAY_MS : 0;
      return {
        _id,
        eventId: new ObjectId(),
        rewardId: new ObjectId(),
        eventRewardId: new ObjectId(),
        userId: new ObjectId().toHexString(),
        idempotencyKey: randomUUID(),
        status: 'PENDING',
        reason: null,
        history: [],
        day: new Date(at.getTime() + skew).toISOString().slice(0, 10),
        createdAt: at,
        updatedAt: at,
      };
    });
    await withDb(dbUrl, (db) => db.collection('reward_requests').insertMany(written));
    // Written around the service: the tally learns of them by being built again.
    await redis.del(...(await allFigureKeys()));
    expect(await figuresBuilt()).toBe(true);

    const ids = await withDb(dbUrl, async (db) =>
      (await db.collection('reward_requests').find({ status: 'PENDING' }).toArray())
        .map((r) => r._id.toHexString())
        .sort(),
    );
    for (const direction of ['ASC', 'DESC']) {
      const seen: string[] = [];
      let after: string | null = null;
      let totalCount = 0;
      do {
        const { rewardRequests }: ListPage = await gqlOk<ListPage>(
          LIST,
          { status: 'PENDING', first: 7, after, direction },
          { token: admin.token, url },
        );
        totalCount = rewardRequests.totalCount;
        seen.push(...rewardRequests.nodes.map((n) => n.id));
        after = rewardRequests.pageInfo.hasNextPage ? rewardRequests.pageInfo.endCursor : null;
      } while (after);
      expect(totalCount).toBe(ids.length);
      expect(seen).toEqual(direction === 'ASC' ? ids : [...ids].reverse());
    }
  });

  it('when a range holds more members than a union should read, then distinct users are estimated within 2%, and counted exactly below that', async () => {
    const key = `rg:tally:{${database()}:estimate-test}`;
    const health = new CacheHealth(
      { name: 'figures', source: 'test', bypassMs: 1000, timeoutMs: 2000 },
      pino({ level: 'silent' }),
      createMetricsRegistry('figures-test'),
    );
    const days = ['2026-01-01', '2026-01-02', '2026-01-03'];
    // 3,000 users, each active on one to three of the days: 6,000 memberships.
    const members = Array.from({ length: 3000 }, (_, u) =>
      days.slice(0, 1 + (u % 3)).map((day) => ({ day, member: `user-${u}` })),
    ).flat();
    const estimated = new DaySets(redis, { key, health, exactUpTo: 1000 });
    const exact = new DaySets(redis, { key, health, exactUpTo: 10_000 });
    await estimated.addMany(members);
    await estimated.markBuilt();

    expect(await exact.distinct(days)).toBe(3000);
    const estimate = (await estimated.distinct(days))!;
    expect(Math.abs(estimate - 3000)).toBeLessThanOrEqual(60);
    expect(await estimated.distinct(days.slice(0, 1))).not.toBeNull();
    expect(await exact.distinct(['2026-01-03'])).toBe(1000);
  });
});
