// Volume for the latency cases, written straight into event-db (through the API it would
// take hours): taken stock slots, held claims, and earlier reward requests.
import { MongoClient, ObjectId } from 'mongodb';

export let eventDbUrl = process.env.EVENT_DB_URL ?? 'mongodb://127.0.0.1:27018/rewardgraph_events';

/** Reads and writes another event-db from now on (as `useGateway`). */
export function useEventDb(url) {
  eventDbUrl = url;
}
const BATCH = 1000;

async function insertAll(collection, count, make) {
  for (let i = 0; i < count; i += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => make(i + j));
    await collection.insertMany(docs, { ordered: false });
  }
}

export async function withEventDb(use) {
  const client = new MongoClient(eventDbUrl);
  try {
    return await use(client.db());
  } finally {
    await client.close();
  }
}

export const seedSlots = (db, eventRewardId, count) =>
  insertAll(db.collection('stock_slots'), count, (i) => ({
    eventRewardId: new ObjectId(eventRewardId),
    seq: i + 1,
    requestId: new ObjectId(),
  }));

export const seedClaims = (db, eventRewardId, userId, count) =>
  insertAll(db.collection('claims'), count, (i) => ({
    eventRewardId: new ObjectId(eventRewardId),
    userId,
    n: i + 1,
    requestId: new ObjectId(),
  }));

/** The slots and claims a run wrote, so runs do not pile volume up in a development database. */
export async function removeSeeded(db, eventRewardIds) {
  for (const id of eventRewardIds) {
    const eventRewardId = new ObjectId(id);
    await db.collection('stock_slots').deleteMany({ eventRewardId });
    await db.collection('claims').deleteMany({ eventRewardId });
  }
}

/** Tops the requests collection up to `total` decided requests of made-up players. */
export async function seedRequests(db, total) {
  const requests = db.collection('reward_requests');
  const missing = total - (await requests.estimatedDocumentCount());
  if (missing <= 0) return 0;
  const now = new Date();
  const [eventId, rewardId, eventRewardId] = [new ObjectId(), new ObjectId(), new ObjectId()];
  await insertAll(requests, missing, () => {
    const _id = new ObjectId();
    return {
      _id,
      eventId,
      rewardId,
      eventRewardId,
      userId: new ObjectId().toHexString(),
      idempotencyKey: _id.toHexString(),
      status: 'REJECTED',
      reason: 'OUT_OF_STOCK',
      history: [],
      day: now.toISOString().slice(0, 10),
      createdAt: now,
      updatedAt: now,
    };
  });
  return missing;
}
