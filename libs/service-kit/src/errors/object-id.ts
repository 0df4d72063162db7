import { Types } from 'mongoose';
import { badInput } from './errors';

/** Parses a client-given id; a malformed one is the client's mistake, never a server error. */
export function toObjectId(id: string, field = 'id'): Types.ObjectId {
  if (!/^[0-9a-f]{24}$/i.test(id)) throw badInput(`${field} is not a valid id`, field);
  return new Types.ObjectId(id);
}
