import { randomUUID } from 'node:crypto';
import { ObjectId, type Db } from 'mongodb';
import { withDb } from './databases';
import { stack } from './env';

const DAY = 86_400_000;

/**
 * Other players' history, written straight into the databases (through the API it would
 * take minutes): `count` documents in every collection a hot read touches, shaped as the
 * services write them, none of them visible to the players and events of a test. Most of
 * it is old and settled (INACTIVE events, decided requests, applied reviews), as on a
 * platform that has run for a while, so a read by an indexed field matches a few rows
 * and PostgreSQL's choice of a plan is about the query, not about a tiny table.
 */
export async function seedFiller(count: number): Promise<void> {
  const tag = randomUUID();
  const at = (i: number) => new Date(Date.now() - (400 + (i % 300)) * DAY);
  const day = (i: number) => at(i).toISOString().slice(0, 10);
  const many = <T>(make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i));

  await withDb(stack().userDbUrl, async (db) => {
    await insert(db, 'users', (i) => ({
      email: `filler-${i}-${tag}@e2e.rewardgraph.test`,
      passwordHash: 'filler: never signs in',
      roles: ['USER'],
      tokenVersion: 1,
      signUpDay: day(i),
      createdAt: at(i),
      updatedAt: at(i),
    }));
  });

  await withDb(stack().eventDbUrl, async (db) => {
    const requests = many((i) => ({
      _id: new ObjectId(),
      eventId: new ObjectId(),
      rewardId: new ObjectId(),
      eventRewardId: new ObjectId(),
      userId: new ObjectId().toHexString(),
      status: i % 4 === 0 ? 'REJECTED' : 'APPROVED',
    }));
    await insert(db, 'events', (i) => ({
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
    await insert(db, 'rewards', (i) => ({
      type: 'POINT',
      name: `filler ${i} ${tag}`,
      points: 1,
      createdAt: at(i),
      updatedAt: at(i),
    }));
    await insert(db, 'event_rewards', (i) => ({
      eventId: requests[i].eventId,
      rewardId: requests[i].rewardId,
      condition: null,
      autoResolve: true,
      stock: 10,
      perUserLimit: 1,
      createdAt: at(i),
      updatedAt: at(i),
    }));
    await insert(db, 'reward_requests', (i) => ({
      ...requests[i],
      idempotencyKey: requests[i]._id.toHexString(),
      reason: null,
      history: [{ status: requests[i].status, by: 'system', at: at(i), reason: null }],
      day: day(i),
      createdAt: at(i),
      updatedAt: at(i),
    }));
    const holding = (i: number) => ({ eventRewardId: requests[i].eventRewardId, requestId: requests[i]._id });
    await insert(db, 'claims', (i) => ({ ...holding(i), userId: requests[i].userId, n: 1 }));
    await insert(db, 'stock_slots', (i) => ({ ...holding(i), seq: 1 }));
    await insert(db, 'payouts', (i) => ({
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
    await insert(db, 'wallet_snapshots', (i) => ({
      userId: requests[i].userId,
      version: 1,
      points: 1,
      items: [],
      coupons: [],
      badges: [],
      payoutIds: [],
      foldedAt: at(i),
    }));
    await insert(db, 'reviews', (i) => ({
      requestId: requests[i]._id,
      status: requests[i].status,
      reason: null,
      reviewerId: 'filler',
      at: at(i),
      applied: true,
    }));
    await insert(db, 'login_days', (i) => ({ userId: requests[i].userId, day: day(i) }));
    await insert(db, 'activities', (i) => ({
      key: `filler-${i}-${tag}`,
      userId: requests[i].userId,
      name: 'filler',
      amount: 1,
      occurredAt: at(i),
      day: day(i),
    }));
  });

  async function insert(db: Db, collection: string, make: (i: number) => Record<string, unknown>) {
    await db.collection(collection).insertMany(many(make), { ordered: false });
  }
}
