import { randomBytes, randomUUID } from 'node:crypto';
import { ObjectId, type Db } from 'mongodb';
import { withDb } from './databases';
import { stack } from './env';

const DAY = 86_400_000;
/** Every filler document is older than this, and nothing a test writes is: how removal finds them. */
const FILLER_MIN_AGE_DAYS = 400;

export interface FillerSize {
  /** Past events (INACTIVE, some DRAFT). */
  events: number;
  /** Documents of every other collection a hot read touches. */
  others: number;
}

/**
 * Other players' history, written straight into the databases (through the API it would
 * take minutes), shaped as the services write them, none of it visible to the players and
 * events of a test. It is old and settled (INACTIVE events, decided requests, applied
 * reviews), as on a platform that has run for a while, so a read by an indexed field
 * matches a small share of its table and PostgreSQL's choice of a plan is about the
 * query, not about a tiny table.
 */
export async function seedFiller({ events, others: count }: FillerSize): Promise<void> {
  const tag = randomUUID();
  const at = (i: number) => new Date(Date.now() - (FILLER_MIN_AGE_DAYS + (i % 300)) * DAY);
  const day = (i: number) => at(i).toISOString().slice(0, 10);
  // An id from the time the document was written, as the services' ids are, so lists in
  // creation order put the filler where its age puts it.
  const idAt = (i: number) =>
    new ObjectId(Math.floor(at(i).getTime() / 1000).toString(16) + randomBytes(8).toString('hex'));

  await withDb(stack().userDbUrl, async (db) => {
    await insert(db, 'users', count, (i) => ({
      _id: idAt(i),
      email: `filler-${i}-${tag}@e2e.rewardgraph.test`,
      passwordHash: 'filler: never signs in',
      roles: ['USER'],
      tokenVersion: 1,
      signUpDay: day(i),
      createdAt: at(i),
      updatedAt: at(i),
    }));
    // What the relay has long sent: it polls for the unpublished ones.
    await insert(db, 'logins', count, (i) => ({
      _id: idAt(i),
      userId: new ObjectId().toHexString(),
      at: at(i),
      clientIp: '10.0.0.1',
      published: true,
    }));
    await insert(db, 'outbox', count, (i) => ({
      _id: idAt(i),
      eventId: randomUUID(),
      type: 'user.signed_up',
      occurredAt: at(i),
      data: {},
      subjectId: new ObjectId().toHexString(),
      published: true,
    }));
  });

  await withDb(stack().eventDbUrl, async (db) => {
    const requests = Array.from({ length: count }, (_, i) => ({
      _id: idAt(i),
      eventId: new ObjectId(),
      rewardId: new ObjectId(),
      eventRewardId: new ObjectId(),
      userId: new ObjectId().toHexString(),
      status: i % 4 === 0 ? 'REJECTED' : 'APPROVED',
    }));
    await insert(db, 'events', events, (i) => ({
      _id: idAt(i),
      name: `filler ${i} ${tag}`,
      description: '',
      condition: null,
      periodStart: at(i),
      periodEnd: new Date(at(i).getTime() + 7 * DAY),
      status: i % 10 === 0 ? 'DRAFT' : 'INACTIVE',
      day: day(i),
      createdBy: 'filler',
      createdAt: at(i),
      updatedAt: at(i),
    }));
    await insert(db, 'rewards', count, (i) => ({
      _id: idAt(i),
      type: 'POINT',
      name: `filler ${i} ${tag}`,
      points: 1,
      createdAt: at(i),
      updatedAt: at(i),
    }));
    await insert(db, 'event_rewards', count, (i) => ({
      _id: idAt(i),
      eventId: requests[i].eventId,
      rewardId: requests[i].rewardId,
      condition: null,
      autoResolve: true,
      stock: 10,
      perUserLimit: 1,
      createdAt: at(i),
      updatedAt: at(i),
    }));
    await insert(db, 'reward_requests', count, (i) => ({
      ...requests[i],
      idempotencyKey: requests[i]._id.toHexString(),
      reason: null,
      history: [{ status: requests[i].status, by: 'system', at: at(i), reason: null }],
      day: day(i),
      createdAt: at(i),
      updatedAt: at(i),
    }));
    const holding = (i: number) => ({ eventRewardId: requests[i].eventRewardId, requestId: requests[i]._id });
    await insert(db, 'claims', count, (i) => ({
      _id: idAt(i),
      ...holding(i),
      userId: requests[i].userId,
      n: 1,
    }));
    await insert(db, 'stock_slots', count, (i) => ({ _id: idAt(i), ...holding(i), seq: 1 }));
    await insert(db, 'payouts', count, (i) => ({
      _id: idAt(i),
      requestId: requests[i]._id,
      userId: requests[i].userId,
      type: 'POINT',
      points: 1,
      itemId: null,
      quantity: 0,
      couponCode: null,
      expiry: null,
      badgeId: null,
      paidAt: at(i),
      fold: 1,
    }));
    await insert(db, 'wallet_snapshots', count, (i) => ({
      _id: idAt(i),
      userId: requests[i].userId,
      version: 1,
      points: 1,
      items: [],
      coupons: [],
      badges: [],
      payoutIds: [],
      foldedAt: at(i),
    }));
    await insert(db, 'reviews', count, (i) => ({
      _id: idAt(i),
      requestId: requests[i]._id,
      status: requests[i].status,
      reason: null,
      reviewerId: 'filler',
      at: at(i),
      applied: true,
    }));
    await insert(db, 'login_days', count, (i) => ({ _id: idAt(i), userId: requests[i].userId, day: day(i) }));
    await insert(db, 'processed_bus_events', count, (i) => ({
      _id: idAt(i),
      eventId: randomUUID(),
      at: at(i),
    }));
    await insert(db, 'activities', count, (i) => ({
      _id: idAt(i),
      key: `filler-${i}-${tag}`,
      userId: requests[i].userId,
      name: 'filler',
      amount: 1,
      occurredAt: at(i),
      day: day(i),
    }));
  });

  async function insert(
    db: Db,
    collection: string,
    size: number,
    make: (i: number) => Record<string, unknown>,
  ) {
    await db.collection(collection).insertMany(
      Array.from({ length: size }, (_, i) => make(i)),
      { ordered: false },
    );
  }
}

/**
 * Removes what `seedFiller` wrote (every document with an id older than the filler's
 * youngest), so the tests that run after it meet the databases at their usual size: the
 * fuzzer fingerprints whole collections after every call, and FerretDB sorts in memory.
 */
export async function removeFiller(): Promise<void> {
  const cutoff = ObjectId.createFromTime(Math.floor((Date.now() - (FILLER_MIN_AGE_DAYS - 1) * DAY) / 1000));
  const clear = (db: Db) =>
    db
      .listCollections({}, { nameOnly: true })
      .toArray()
      .then((collections) =>
        Promise.all(
          collections
            .filter(({ name }) => !name.startsWith('system.'))
            .map(({ name }) => db.collection(name).deleteMany({ _id: { $lt: cutoff } })),
        ),
      );
  await withDb(stack().userDbUrl, clear);
  await withDb(stack().eventDbUrl, clear);
}
