import { Types } from 'mongoose';
import { badInput } from '../errors/errors';

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * The one rule for ids given by clients: a 24-digit hex ObjectId, in lower case. Every
 * id is turned into this form before it becomes a database filter or a cache key, so
 * `ABC…` and `abc…` can never name two different things.
 */
export function canonicalId(id: string, field = 'id'): string {
  if (typeof id !== 'string' || !OBJECT_ID.test(id)) throw badInput(`${field} is not a valid id`, field);
  return id.toLowerCase();
}

/** Parses a client-given id; a malformed one is the client's mistake, never a server error. */
export function toObjectId(id: string, field = 'id'): Types.ObjectId {
  return new Types.ObjectId(canonicalId(id, field));
}
