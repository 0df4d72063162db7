import { type Types } from 'mongoose';
import { inIdOrder } from '../clients/model';
import { toObjectId } from '../ids/object-id';

/**
 * A batched read (DataLoader) as one read per distinct key, run together, the results
 * concatenated. FerretDB 1.24 sends a plain equality to PostgreSQL, where an index
 * serves it, but applies `$in` itself after reading the whole table (docs/development.md);
 * a batch is at most a page (100) and usually holds a few distinct keys, so a few
 * indexed reads cost far less than one scan that grows with the table.
 */
export async function readEach<K, D>(keys: readonly K[], read: (key: K) => Promise<D[]>): Promise<D[]> {
  // By string form, so ObjectIds holding the same id are read once.
  const distinct = [...new Map(keys.map((key) => [String(key), key])).values()];
  return (await Promise.all(distinct.map(read))).flat();
}

/** A model that reads documents by an `_id` equality (any mongoose model). */
export interface ReadableById {
  find(filter: { _id: Types.ObjectId }): { lean(): { exec(): Promise<unknown> } };
}

/**
 * Documents by canonical id, in the order asked (null where none): one indexed `_id`
 * read per distinct id (`readEach`), for a DataLoader batch.
 */
export async function readByIds<T extends { _id: { toHexString(): string } }>(
  model: ReadableById,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const found = await readEach(
    ids,
    async (id) =>
      (await model
        .find({ _id: toObjectId(id) })
        .lean()
        .exec()) as T[],
  );
  return inIdOrder(ids, found);
}
