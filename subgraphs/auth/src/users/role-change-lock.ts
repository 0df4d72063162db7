import { type Redis } from 'ioredis';
import { conflict, underLease } from '@rewardgraph/service-kit';

/**
 * Serialises role changes. "Never remove the last ADMIN" counts admins and then
 * writes; FerretDB has no transactions, so two admins demoting each other at once
 * could both see another admin left. One lock in the secure Redis, shared by every auth
 * instance, makes the count and the write one step (it expires on its own if its holder
 * dies). A change that cannot get it within a few seconds is a CONFLICT to retry.
 */
export async function withRoleChangeLock<T>(redis: Redis, work: () => Promise<T>): Promise<T> {
  const outcome = await underLease(redis, 'rg:lock:role-change', { ttlMs: 5000, waitMs: 2500 }, work);
  if (!outcome.held) throw conflict('Roles are being changed by someone else; try again');
  return outcome.value;
}
