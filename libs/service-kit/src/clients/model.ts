import { getModelForClass, type ReturnModelType } from '@typegoose/typegoose';
import { type AnyParamConstructor } from '@typegoose/typegoose/lib/types';
import { type Connection } from 'mongoose';

/**
 * The model of a typegoose class on one connection. Typegoose caches models by name
 * across connections, which would bind a second app (a test's) to the first one's
 * database; caching is turned off for that reason.
 */
export function modelOn<T extends AnyParamConstructor<unknown>>(
  connection: Connection,
  cls: T,
): ReturnModelType<T> {
  return getModelForClass(cls, { existingConnection: connection, options: { disableCaching: true } });
}

/** True when a write lost against a unique index: the portable way to enforce an invariant. */
export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/** Documents in the order of `ids` (null where missing): what a DataLoader batch must return. */
export function inIdOrder<T extends { _id: { toHexString(): string } }>(
  ids: readonly string[],
  docs: T[],
): (T | null)[] {
  const byId = new Map(docs.map((doc) => [doc._id.toHexString(), doc]));
  return ids.map((id) => byId.get(id) ?? null);
}
