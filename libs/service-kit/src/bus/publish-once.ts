import { type Redis } from 'ioredis';
import { toStreamFields, type DomainEvent } from './domain-event';

/**
 * Appends an event to a stream unless an event with the same id was appended within
 * `dedupeSeconds`: the marker and the append happen in one Lua script, so relays that
 * retry after a crash, or run twice, never append an event twice.
 */
const SCRIPT = `
if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', unpack(ARGV, 3))
end
return false
`;

export interface PublishOptions {
  dedupeSeconds?: number;
  maxLength?: number;
}

/** Returns the stream entry id, or null when the event had been published already. */
export async function publishOnce(
  redis: Redis,
  stream: string,
  event: DomainEvent,
  { dedupeSeconds = 7 * 86_400, maxLength = 1_000_000 }: PublishOptions = {},
): Promise<string | null> {
  const result = await redis.eval(
    SCRIPT,
    2,
    stream,
    `${stream}:published:${event.id}`,
    dedupeSeconds,
    maxLength,
    ...toStreamFields(event),
  );
  return (result as string | null) ?? null;
}
