// The bench's volumes, written straight into its databases (through the API it would
// take hours), shaped as the services write them (subgraphs/*/src/**/*.model.ts):
// - realistic: 10,000 players, 500 events with two rewards each, 200,000 reward requests
//   over the last 60 days and 50,000 payouts;
// - small: the same 500 events, and only the 200 players the bench signs in as, each
//   with the very requests and payouts it holds on the realistic volume. Every answer a
//   bench player reads is the same on both, so comparing them measures what the other
//   9,800 players' data costs, not bigger answers (docs/performance.md).
// A marker document in each database says which volume is written and that it is done,
// so the next run reuses it (bench.mjs drops and rewrites a volume without its marker).
import { ObjectId } from 'mongodb';
import { hashPassword } from '@rewardgraph/auth/dist/passwords/password-hasher.js';
import { playerEmail } from '../scenarios/outcome.js';
import { withDb } from './databases.mjs';

/** Players on the realistic volume; a request's time depends on its place among theirs. */
const REALISTIC_PLAYERS = 10_000;
/** Each player's requests: one on each of that many events. */
const REQUESTS_PER_PLAYER = 20;
const EVENTS = 500;

const MARKER = { collection: 'bench_volume', _id: 'volume' };
const DAY_MS = 86_400_000;
const BATCH = 1000;
const PROGRESS_EVERY = 20_000;
/** insertMany calls in flight at once: FerretDB turns each into PostgreSQL work of its own. */
const CONCURRENCY = 4;
const REWARDS = 100;
/** Events 0–49 are open now, 50–449 are over, 450–499 are drafts; requests go to the first 450. */
const OPEN_EVENTS = 50;
const REQUESTED_EVENTS = 450;

/**
 * Player u's k-th request (0-based): each of a player's requests is on another event,
 * so claims stay unique. One in 100 waits for review (on the event's reviewed reward),
 * 25 in 100 were granted and paid, the rest refused out of stock (both on its
 * auto-resolved reward): on the realistic volume exactly 2,000 PENDING and 50,000
 * APPROVED. Its time is fixed by its place on the realistic volume, so a player's
 * history is the same on every volume.
 */
function requestPlan(u, k) {
  const slot = (u * 7 + k * 13) % 100;
  const status = slot === 0 ? 'PENDING' : slot <= 25 ? 'APPROVED' : 'REJECTED';
  return { u, status, event: (u + k * 22) % REQUESTED_EVENTS, place: k * REALISTIC_PLAYERS + u };
}

/** The requests of a volume of `players`, in the order they are written (player by player within each round). */
const plansOf = (players) =>
  Array.from({ length: players * REQUESTS_PER_PLAYER }, (_, i) =>
    requestPlan(i % players, Math.floor(i / players)),
  );

/**
 * Each volume's sizes, by volume name (load/bench/profile.mjs), as the plan should make
 * them (seedEvents checks): in each round k, 100 consecutive players' slots
 * `(7u + 13k) mod 100` take every residue once, so with a multiple of 100 players a
 * quarter of the requests are APPROVED.
 */
const sizesOf = (players) => ({
  players,
  events: EVENTS,
  requests: players * REQUESTS_PER_PLAYER,
  payouts: (players * REQUESTS_PER_PLAYER) / 4,
});
export const VOLUMES = { realistic: sizesOf(REALISTIC_PLAYERS), small: sizesOf(200) };

const day = (date) => date.toISOString().slice(0, 10);
/** An id from the moment the document was written, as the services' ids are (lists in creation order). */
const idAt = (date) => ObjectId.createFromTime(Math.floor(date.getTime() / 1000));
const uniqueIdAt = (date) =>
  new ObjectId(idAt(date).toHexString().slice(0, 8) + new ObjectId().toHexString().slice(8));

const markerOf = (db) => db.collection(MARKER.collection).findOne({ _id: MARKER._id });

/** Whether both databases hold a finished volume of today's sizes for `volume`. */
export async function volumeReady(volume) {
  const sizes = JSON.stringify(VOLUMES[volume.name]);
  const done = async (url) =>
    withDb(url, async (db) => JSON.stringify((await markerOf(db))?.sizes) === sizes);
  return (await done(volume.userDbUrl)) && (await done(volume.eventDbUrl));
}

/** Inserts `count` documents made by `make(i)`, a few batches at once, printing progress. */
async function insertAll(db, name, count, make) {
  const started = performance.now();
  let next = 0;
  let written = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const from = next;
        next = Math.min(count, next + BATCH);
        const docs = Array.from({ length: next - from }, (_, j) => make(from + j));
        await db.collection(name).insertMany(docs, { ordered: false });
        written += docs.length;
        if (count >= PROGRESS_EVERY && written % PROGRESS_EVERY < BATCH)
          process.stdout.write(
            `\r  ${name}: ${written.toLocaleString('en')} / ${count.toLocaleString('en')}`,
          );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\r  ${name}: ${count.toLocaleString('en')} in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} docs/s)`,
  );
}

/** When player u (0-based) signed up: spread over the last 90 days. */
const signedUpAt = (now, u) => new Date(now - ((u * 7919) % (90 * 1440)) * 60_000);

async function seedUsers(db, now, userIds, passwordHash) {
  await insertAll(db, 'users', userIds.length, (u) => {
    const at = signedUpAt(now, u);
    return {
      _id: userIds[u],
      email: playerEmail(u + 1),
      passwordHash,
      roles: ['USER'],
      tokenVersion: 1,
      signUpDay: day(at),
      createdAt: at,
      updatedAt: at,
    };
  });
}

function catalog(now) {
  const types = ['POINT', 'ITEM', 'COUPON', 'BADGE'];
  return Array.from({ length: REWARDS }, (_, r) => {
    const at = new Date(now - 100 * DAY_MS + r * 60_000);
    const type = types[r % types.length];
    const fields = {
      POINT: { points: 10 * (1 + (r % 5)) },
      ITEM: { itemId: `item-${r}`, quantity: 1 + (r % 3) },
      COUPON: { couponCode: `BENCH-${r}`, expiry: new Date(now + 365 * DAY_MS) },
      BADGE: { badgeId: `badge-${r}` },
    }[type];
    return {
      _id: idAt(at),
      type,
      name: `bench ${type.toLowerCase()} ${r}`,
      ...fields,
      createdAt: at,
      updatedAt: at,
    };
  });
}

function eventOf(now, e) {
  const created = new Date(now - (90 - (e % 90)) * DAY_MS);
  const [start, end, status] =
    e < OPEN_EVENTS
      ? [now - (e % 20) * DAY_MS - 3_600_000, now + (10 + (e % 20)) * DAY_MS, 'ACTIVE']
      : e < REQUESTED_EVENTS
        ? [now - (60 + (e % 30)) * DAY_MS, now - (1 + (e % 59)) * DAY_MS, 'INACTIVE']
        : [now + 10 * DAY_MS, now + 20 * DAY_MS, 'DRAFT'];
  return {
    _id: uniqueIdAt(created),
    name: `bench event ${e}`,
    description: `Event ${e} of the bench volume`,
    condition: null,
    periodStart: new Date(start),
    periodEnd: new Date(end),
    status,
    day: day(created),
    createdBy: 'bench-volume',
    createdAt: created,
    updatedAt: created,
  };
}

async function seedEvents(db, now, userIds, sizes) {
  const rewards = catalog(now);
  const events = Array.from({ length: sizes.events }, (_, e) => eventOf(now, e));
  // Two rewards per event: [0] decided at once (autoResolve), [1] reviewed by an operator.
  const offers = events.flatMap((event, e) =>
    [0, 1].map((n) => ({
      _id: uniqueIdAt(event.createdAt),
      eventId: event._id,
      rewardId: rewards[(2 * e + n) % REWARDS]._id,
      condition: null,
      autoResolve: n === 0,
      stock: null,
      perUserLimit: 1,
      createdAt: event.createdAt,
      updatedAt: event.createdAt,
    })),
  );
  const rewardOf = new Map(rewards.map((reward) => [reward._id, reward]));
  await insertAll(db, 'rewards', rewards.length, (r) => rewards[r]);
  await insertAll(db, 'events', events.length, (e) => events[e]);
  await insertAll(db, 'event_rewards', offers.length, (o) => offers[o]);

  const requests = plansOf(sizes.players).map(({ u, event, status, place }) => {
    const offer = offers[2 * event + (status === 'PENDING' ? 1 : 0)];
    const at = new Date(now - ((place * 7919) % (60 * 1440)) * 60_000);
    const reason = status === 'REJECTED' ? 'OUT_OF_STOCK' : null;
    const _id = uniqueIdAt(at);
    return {
      _id,
      offer,
      request: {
        _id,
        eventId: offer.eventId,
        rewardId: offer.rewardId,
        eventRewardId: offer._id,
        userId: userIds[u].toHexString(),
        idempotencyKey: _id.toHexString(),
        status,
        reason,
        history: [{ status, by: 'system', at, reason }],
        day: day(at),
        createdAt: at,
        updatedAt: at,
      },
    };
  });
  await insertAll(db, 'reward_requests', requests.length, (i) => requests[i].request);
  // A granted or waiting request holds the player's claim on its event reward.
  const holding = requests.filter(({ request }) => request.status !== 'REJECTED');
  await insertAll(db, 'claims', holding.length, (i) => ({
    eventRewardId: holding[i].offer._id,
    userId: holding[i].request.userId,
    n: 1,
    requestId: holding[i]._id,
  }));
  const paid = holding.filter(({ request }) => request.status === 'APPROVED');
  await insertAll(db, 'payouts', paid.length, (i) => {
    const { request, offer } = paid[i];
    const reward = rewardOf.get(offer.rewardId);
    return {
      _id: uniqueIdAt(request.createdAt),
      requestId: request._id,
      userId: request.userId,
      type: reward.type,
      points: reward.points ?? 0,
      itemId: reward.itemId ?? null,
      quantity: reward.quantity ?? 0,
      couponCode: reward.couponCode ?? null,
      expiry: reward.expiry ?? null,
      badgeId: reward.badgeId ?? null,
      paidAt: request.createdAt,
      fold: 0,
    };
  });
  if (paid.length !== sizes.payouts)
    throw new Error(`planned ${sizes.payouts} payouts, wrote ${paid.length}`);
}

/**
 * Writes the volume into empty databases (dropVolume first) and marks it done. Run
 * before the services start: they create their indexes on what is there.
 * @param {import('./profile.mjs').Volume} volume
 * @param {string} playerPassword
 */
export async function seedVolume(volume, playerPassword) {
  const started = performance.now();
  const sizes = VOLUMES[volume.name];
  console.log(`${volume.name}: writing the volume (${JSON.stringify(sizes)})`);
  const now = Date.now();
  // One argon2id hash for every player: they all sign in with the same password.
  const passwordHash = await hashPassword(playerPassword);
  const userIds = Array.from({ length: sizes.players }, (_, u) => uniqueIdAt(signedUpAt(now, u)));
  const mark = (db) =>
    db.collection(MARKER.collection).insertOne({ _id: MARKER._id, sizes, writtenAt: new Date() });
  await withDb(volume.userDbUrl, async (db) => {
    await seedUsers(db, now, userIds, passwordHash);
    await mark(db);
  });
  await withDb(volume.eventDbUrl, async (db) => {
    await seedEvents(db, now, userIds, sizes);
    await mark(db);
  });
  console.log(`${volume.name}: volume written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
