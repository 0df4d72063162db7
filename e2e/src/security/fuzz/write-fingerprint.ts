import { MongoClient, type Db } from 'mongodb';

/**
 * Collections written in the background, after an earlier call succeeded (the auth
 * outbox relay, the login-day consumer, wallet folding on read): they change while a
 * refused call is answered, without the refused call having written anything.
 */
const BACKGROUND = new Set(['outbox', 'login_days', 'processed_bus_events', 'wallet_snapshots']);

/** Count, newest id and newest update per collection: any insert, update or delete changes it. */
async function fingerprintOf(db: Db): Promise<Record<string, string>> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => !BACKGROUND.has(name) && !name.startsWith('system.'));
  const entries = await Promise.all(
    names.map(async (name) => {
      const collection = db.collection(name);
      const [count, newest, updated] = await Promise.all([
        collection.countDocuments(),
        collection
          .find({}, { projection: { _id: 1 } })
          .sort({ _id: -1 })
          .limit(1)
          .toArray(),
        collection
          .find({}, { projection: { updatedAt: 1 } })
          .sort({ updatedAt: -1 })
          .limit(1)
          .toArray(),
      ]);
      return [name, `${count}:${String(newest[0]?._id)}:${String(updated[0]?.updatedAt?.valueOf())}`];
    }),
  );
  return Object.fromEntries(entries) as Record<string, string>;
}

/** Both databases of the stack, open for the whole fuzz run. */
export async function openWriteFingerprint(urls: string[]) {
  const clients = await Promise.all(urls.map((url) => new MongoClient(url).connect()));
  return {
    async take(): Promise<Record<string, string>> {
      const parts = await Promise.all(clients.map((c) => fingerprintOf(c.db())));
      return Object.assign({}, ...parts.map((part, i) => prefixed(part, String(i)))) as Record<
        string,
        string
      >;
    },
    close: () => Promise.all(clients.map((c) => c.close())),
  };
}

const prefixed = (part: Record<string, string>, db: string) =>
  Object.fromEntries(Object.entries(part).map(([name, value]) => [`${db}.${name}`, value]));

/** The collections whose fingerprint differs. */
export const changedCollections = (before: Record<string, string>, after: Record<string, string>) =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (name) => before[name] !== after[name],
  );
