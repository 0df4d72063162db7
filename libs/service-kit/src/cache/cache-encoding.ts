import { Types } from 'mongoose';
import { SuperJSON } from 'superjson';

const encoding = new SuperJSON();
encoding.registerCustom<Types.ObjectId, string>(
  {
    isApplicable: (value): value is Types.ObjectId => value instanceof Types.ObjectId,
    serialize: (id) => id.toHexString(),
    deserialize: (hex) => new Types.ObjectId(hex),
  },
  'ObjectId',
);

/**
 * How cached values are written to and read from Redis (the events read cache, the auth
 * user display cache): lossless. The types of values travel beside them (superjson's
 * meta), never guessed from their text: a Date comes back as a Date and an ObjectId as
 * an ObjectId, while a string that looks like a date or an id stays a string.
 */
export const cacheEncoding = {
  serialize: (value: unknown): string => encoding.stringify(value),
  deserialize: (text: string): unknown => encoding.parse(text),
};
