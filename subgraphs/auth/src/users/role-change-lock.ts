import { randomUUID } from 'node:crypto';
import { type Redis } from 'ioredis';
import { conflict } from '@rewardgraph/service-kit';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Serialises role changes. "Never remove the last ADMIN" counts admins and then
 * writes; FerretDB has no transactions, so two admins demoting each other at once
 * could both see another admin left. One lock in the secure Redis makes the count
 * and the write one step (it expires on its own if its holder dies).
 */
export async function withRoleChangeLock<T>(redis: Redis, work: () => Promise<T>): Promise<T> {
  const key = 'rg:lock:role-change';
  const token = randomUUID();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redis.set(key, token, 'PX', 5000, 'NX')) {
      try {
        return await work();
      } finally {
        await redis.eval(RELEASE, 1, key, token);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
  }
  throw conflict('Roles are being changed by someone else; try again');
}
