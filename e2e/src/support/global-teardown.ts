import { rm } from 'node:fs/promises';
import { MongoClient } from 'mongodb';
import { stopStack } from './stack';

/** Stops the services, then drops this run's databases and keys: runs leave nothing behind. */
export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__E2E_STACK__;
  if (!stack) return;
  await stopStack(stack);
  for (const url of [stack.info.userDbUrl, stack.info.eventDbUrl]) {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
    try {
      await client.db().dropDatabase();
    } finally {
      await client.close();
    }
  }
  await rm(stack.info.keysDir, { recursive: true, force: true });
}
