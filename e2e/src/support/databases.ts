import { rm } from 'node:fs/promises';
import { MongoClient, type Db } from 'mongodb';
import { type StackInfo } from './stack';

/** Opens a database of the stack directly, to check what was (not) written. */
export async function withDb<T>(url: string, use: (db: Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    return await use(client.db());
  } finally {
    await client.close();
  }
}

/** Drops the run's databases and its key folder: runs leave nothing behind. */
export async function dropRunData({ userDbUrl, eventDbUrl, keysDir }: StackInfo): Promise<void> {
  for (const url of [userDbUrl, eventDbUrl]) await withDb(url, (db) => db.dropDatabase());
  await rm(keysDir, { recursive: true, force: true });
}
