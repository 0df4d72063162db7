import { Types } from 'mongoose';
import { badInput } from '../errors/errors';
import { OrderDirection, type SortOrder } from './order';

/** A value a list may be sorted by, besides `_id`. */
export type SortValue = string | Date;

/** Where a page ended: the sort value and `_id` of its last node. */
export interface CursorPosition {
  value: SortValue | null;
  id: Types.ObjectId;
}

const notACursor = () => badInput('after is not a cursor of this list', 'after');
const ID_HEX = /^[0-9a-f]{24}$/;

/**
 * Cursors are opaque to clients. Inside: for the `_id` order, the 12 bytes of the last
 * node's `_id`; for any other order, JSON `[field, value, id]` (a date as epoch
 * milliseconds in an object, `{ "d": ms }`), so a cursor made under another order is
 * refused instead of silently naming a wrong place.
 */
export function encodeCursor(order: SortOrder, node: Record<string, unknown> & { _id: Types.ObjectId }) {
  if (order.field === '_id') return Buffer.from(node._id.toHexString(), 'hex').toString('base64url');
  const value = node[order.field];
  const encoded = value instanceof Date ? { d: value.getTime() } : value;
  return Buffer.from(JSON.stringify([order.field, encoded, node._id.toHexString()])).toString('base64url');
}

export function decodeCursor(order: SortOrder, cursor: string): CursorPosition {
  const bytes = Buffer.from(cursor, 'base64url');
  if (order.field === '_id') {
    const hex = bytes.toString('hex');
    if (!ID_HEX.test(hex)) throw notACursor();
    return { value: null, id: new Types.ObjectId(hex) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw notACursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw notACursor();
  const [field, encoded, id] = parsed as unknown[];
  if (field !== order.field || typeof id !== 'string' || !ID_HEX.test(id)) throw notACursor();
  return { value: decodeValue(encoded), id: new Types.ObjectId(id) };
}

function decodeValue(encoded: unknown): SortValue {
  if (typeof encoded === 'string') return encoded;
  const ms = (encoded as { d?: unknown } | null)?.d;
  if (typeof ms === 'number' && Number.isFinite(ms) && !Number.isNaN(new Date(ms).getTime())) {
    return new Date(ms);
  }
  throw notACursor();
}

/** The sort of a list: its field, then `_id`, both in the order's direction. */
export function sortOf(order: SortOrder): Record<string, 1 | -1> {
  const direction = order.direction === OrderDirection.ASC ? 1 : -1;
  return order.field === '_id' ? { _id: direction } : { [order.field]: direction, _id: direction };
}

/**
 * The documents after a cursor: a greater (ASC) or smaller (DESC) value, or the same
 * value and a greater or smaller `_id`. With an index on (filter fields…, field, _id)
 * this is one index range.
 */
export function afterCursor(order: SortOrder, { value, id }: CursorPosition): Record<string, unknown> {
  const beyond = order.direction === OrderDirection.ASC ? '$gt' : '$lt';
  if (order.field === '_id') return { _id: { [beyond]: id } };
  return {
    $or: [{ [order.field]: { [beyond]: value } }, { [order.field]: value, _id: { [beyond]: id } }],
  };
}
