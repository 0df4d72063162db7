import { MongoClient, type Db } from 'mongodb';

/** Opens a database of the stack directly, to check what was (not) written. */
export async function withDb<T>(url: string, use: (db: Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    return await use(client.db());
  } finally {
    await client.close();
  }
}
