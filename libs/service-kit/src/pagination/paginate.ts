import { Types, type Model, type QueryFilter } from 'mongoose';
import { badInput } from '../errors/errors';
import { type Page, type PageArgs } from './connection';

/** Cursors are opaque to clients; inside they are the `_id` of the last node of a page. */
export const encodeCursor = (id: Types.ObjectId) =>
  Buffer.from(id.toHexString(), 'hex').toString('base64url');

export function decodeCursor(cursor: string): Types.ObjectId {
  const hex = Buffer.from(cursor, 'base64url').toString('hex');
  if (!/^[0-9a-f]{24}$/.test(hex)) throw badInput('after is not a cursor of this list', 'after');
  return new Types.ObjectId(hex);
}

/**
 * Newest first, by `_id` (always indexed, unique, and roughly creation time), so a page
 * is one index range however deep the client has paged.
 */
export async function paginate<D extends { _id: Types.ObjectId }>(
  model: Model<D>,
  filter: QueryFilter<D>,
  { first, after }: PageArgs,
): Promise<Page<D>> {
  const range = after ? { _id: { $lt: decodeCursor(after) } } : {};
  const [docs, totalCount] = await Promise.all([
    model
      .find({ $and: [filter, range] } as QueryFilter<D>)
      .sort({ _id: -1 })
      .limit(first + 1)
      .lean<D[]>()
      .exec(),
    model.countDocuments(filter).exec(),
  ]);
  const nodes = docs.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: docs.length > first, endCursor: last ? encodeCursor(last._id) : null },
  };
}
