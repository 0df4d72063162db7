import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  EventOptionDocument,
  EventsDocument,
  EventWithRewardsDocument,
  LoginDocument,
  MeDocument,
  MyRewardRequestsDocument,
  MyWalletDocument,
  RequestRewardDocument,
  RewardRequestDetailDocument,
  RewardRequestsDocument,
} from '@rewardgraph/api-client';
import { offer, requestReward, sessionWithRole } from '../support/catalog';
import { stack } from '../support/env';
import { newUser, type Session } from '../support/fixtures';
import { removeFiller, seedFiller } from '../support/filler';
import { gqlOk } from '../support/graphql';
import {
  analyze,
  ferretSchemaOf,
  scansBetween,
  scansOf,
  settledScans,
  STATS_PUBLISH_MS,
  type FerretSchema,
  type TableScans,
} from '../support/table-scans';

/**
 * Other players' history in every collection a hot path reads. Events outnumber the rest:
 * a player's list reads every ACTIVE event, which stays an index read only while they
 * are a small share of all events (PostgreSQL plans a scan from about 15 %), and the
 * other tests of a run add a few hundred ACTIVE ones.
 */
const FILLER = { events: 4000, others: 1500 };
/** Calls of each path, each one a database read (the read cache is emptied before each). */
const CALLS = 5;
/**
 * Open events, each offering one reward under manual review, requested by two players;
 * a third requests them in the workload (up to 5 times each: a failing run calls every
 * path twice).
 */
const EVENTS = 6;

interface Path {
  name: string;
  /** Tables each call reads at least once: fewer than CALLS reads of one means the counters missed some. */
  reads: string[];
  call: (i: number) => Promise<unknown>;
}

describe('the hot request paths read PostgreSQL through indexes, never by scanning a table', () => {
  let databases: { label: string; schema: FerretSchema }[];
  let cache: Redis;
  let secureCache: Redis;
  let admin: Session;
  let reviewer: Session;
  let players: Session[];
  let events: { eventId: string; rewardId: string }[];
  let pending: string[];

  const counters = async () => {
    const all = new Map<string, TableScans>();
    for (const { label, schema } of databases) {
      for (const [collection, scans] of await scansOf(schema)) all.set(`${label}.${collection}`, scans);
    }
    return all;
  };

  /**
   * Every cached entry gone, list versions included, so the next read goes to the
   * database. A list's entry the service stores after this ran lands under the version
   * it read, deleted here, where no later read looks. The user display cache is in the
   * secure Redis.
   */
  const forgetCache = async () => {
    for (const redis of [cache, secureCache]) {
      const keys = await redis.keys('rg:cache:*');
      if (keys.length) await redis.del(...keys);
    }
  };

  beforeAll(async () => {
    await seedFiller(FILLER);
    admin = (await offer()).admin;
    reviewer = await sessionWithRole(admin, 'OPERATOR');
    players = [await newUser('index-use'), await newUser('index-use'), await newUser('index-use')];
    events = [];
    for (let i = 0; i < EVENTS; i++)
      events.push(await offer({ stock: 50, autoResolve: false, perUserLimit: 5 }));
    const paid = await offer({ autoResolve: true });
    await requestReward(players[0].token, paid.eventId, paid.rewardId);
    pending = [];
    for (const { eventId, rewardId } of events) {
      for (const player of players.slice(0, 2)) {
        const answer = await requestReward(player.token, eventId, rewardId);
        pending.push(answer.data!.requestReward.id);
      }
    }
    databases = [
      { label: 'user-db', schema: await ferretSchemaOf(stack().userDbUrl) },
      { label: 'event-db', schema: await ferretSchemaOf(stack().eventDbUrl) },
    ];
    for (const { schema } of databases) await analyze(schema);
    cache = new Redis(stack().dataRedisUrl);
    secureCache = new Redis(stack().secureRedisUrl);
  }, 120_000);

  afterAll(async () => {
    await cache?.quit();
    await secureCache?.quit();
    await removeFiller();
  }, 120_000);

  const event = (i: number) => events[i % events.length];
  const player = (i: number) => players[i % 2];

  const paths: Path[] = [
    {
      name: "events: a player's first page, newest first",
      reads: ['event-db.events'],
      call: () => gqlOk(EventsDocument, {}, { token: player(0).token }),
    },
    {
      name: 'events: staff filtering on a status',
      reads: ['event-db.events'],
      call: () => gqlOk(EventsDocument, { filter: { status: 'ACTIVE' } }, { token: admin.token }),
    },
    {
      name: 'events: open now',
      reads: ['event-db.events'],
      call: () => gqlOk(EventsDocument, { filter: { isOpen: true } }, { token: player(0).token }),
    },
    {
      name: 'event by id',
      reads: ['event-db.events'],
      call: (i) => gqlOk(EventOptionDocument, { id: event(i).eventId }, { token: player(i).token }),
    },
    {
      name: 'event and the rewards it offers',
      reads: ['event-db.events', 'event-db.event_rewards', 'event-db.rewards', 'event-db.claims'],
      call: (i) => gqlOk(EventWithRewardsDocument, { id: event(i).eventId }, { token: player(i).token }),
    },
    {
      name: 'myRewardRequests, first page',
      reads: ['event-db.reward_requests'],
      call: (i) => gqlOk(MyRewardRequestsDocument, {}, { token: player(i).token }),
    },
    {
      name: 'me { wallet }',
      reads: ['user-db.users', 'event-db.wallet_snapshots', 'event-db.payouts'],
      call: () => gqlOk(MyWalletDocument, {}, { token: players[0].token }),
    },
    {
      name: 'the review queue: PENDING, oldest first',
      reads: ['event-db.reward_requests', 'event-db.events', 'event-db.rewards', 'user-db.users'],
      call: () =>
        gqlOk(
          RewardRequestsDocument,
          { filter: { status: 'PENDING' }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } },
          { token: reviewer.token },
        ),
    },
    {
      name: 'rewardRequest by id',
      reads: ['event-db.reward_requests', 'event-db.events', 'event-db.rewards', 'user-db.users'],
      call: (i) =>
        gqlOk(RewardRequestDetailDocument, { id: pending[i % pending.length] }, { token: reviewer.token }),
    },
    {
      name: 'requestReward',
      reads: ['event-db.events', 'event-db.event_rewards', 'event-db.reward_requests'],
      call: (i) =>
        gqlOk(
          RequestRewardDocument,
          { ...event(i), idempotencyKey: randomUUID() },
          { token: players[2].token },
        ),
    },
    {
      name: 'login',
      reads: ['user-db.users'],
      call: (i) => {
        const { email, password } = [...players, reviewer][i % 4];
        return gqlOk(LoginDocument, { input: { email, password } });
      },
    },
    {
      name: 'me',
      reads: ['user-db.users'],
      call: (i) => gqlOk(MeDocument, {}, { token: player(i).token }),
    },
  ];

  const runPath = async ({ call }: Path) => {
    for (let i = 0; i < CALLS; i++) {
      await forgetCache();
      await call(i);
    }
  };

  /** What each run changed, in turn: a reading waits out the publishing delay once. */
  const measure = async (...runs: (() => Promise<void>)[]) => {
    let before = await settledScans(counters, Date.now());
    const changes: Map<string, TableScans>[] = [];
    for (const run of runs) {
      await run();
      const after = await settledScans(counters, Date.now());
      changes.push(scansBetween(before, after));
      before = after;
    }
    return changes;
  };

  const scannedIn = (change: Map<string, TableScans>) =>
    [...change]
      .filter(([, scans]) => scans.seq > 0)
      .map(([table, scans]) => `${table} scanned ${scans.seq}×`);

  it(
    'when every hot path is called with nothing cached, then no table is read by a sequential scan',
    async () => {
      const [change] = await measure(async () => {
        for (const path of paths) await runPath(path);
      });
      const missed = [...new Set(paths.flatMap((path) => path.reads))].filter((table) => {
        const expected = CALLS * paths.filter((path) => path.reads.includes(table)).length;
        const scans = change.get(table) ?? { seq: 0, idx: 0 };
        return scans.seq + scans.idx < expected;
      });
      // One wait for all paths; only when something scanned is each path run again on its
      // own (a wait each), to name it.
      const scanned: string[] = [];
      if (scannedIn(change).length) {
        const alone = await measure(...paths.map((path) => () => runPath(path)));
        paths.forEach((path, i) =>
          scanned.push(...scannedIn(alone[i]).map((scan) => `${path.name}: ${scan}`)),
        );
        if (scanned.length === 0)
          scanned.push(...scannedIn(change).map((scan) => `no path on its own: ${scan}`));
      }

      expect({ missed, scanned }).toEqual({ missed: [], scanned: [] });
    },
    60_000 + paths.length * (STATS_PUBLISH_MS + 10_000),
  );
});
