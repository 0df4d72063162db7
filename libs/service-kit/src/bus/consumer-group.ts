import { type Redis } from 'ioredis';
import { fromStreamFields, type DomainEvent } from './domain-event';

export interface StreamEntry {
  id: string;
  event: DomainEvent;
}

export interface ConsumerGroupOptions {
  redis: Redis;
  stream: string;
  group: string;
  /** This process's name in the group; stable across restarts, unique among live consumers. */
  consumer: string;
  /**
   * How long an entry may sit unacknowledged in another consumer's hands before this
   * one takes it over: longer than handling an entry ever takes, or live consumers
   * would steal each other's work (harmless with idempotent handling, but wasted).
   */
  claimIdleMs: number;
  batch?: number;
}

type RawEntry = [id: string, fields: string[] | null];

/**
 * Deletes the group's consumers other than ARGV[2] that hold no pending entry and have
 * not read for ARGV[3] ms. In one script, so no entry can be delivered to a consumer
 * between the check and the delete (DELCONSUMER drops whatever it still holds). A live
 * consumer deleted here loses nothing and is created again by its next read.
 */
const FORGET_DEAD = `
local forgotten = 0
for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local info = {}
  for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
  if info['name'] ~= ARGV[2] and info['pending'] == 0 and info['idle'] > tonumber(ARGV[3]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
    forgotten = forgotten + 1
  end
end
return forgotten
`;

/**
 * One consumer of a Redis stream consumer group. Entries count as handled only once
 * acknowledged, so a crash leaves them pending: a restarted consumer of the same name
 * gets its own back (`ownPending`), and entries whose consumer never comes back (a
 * container recreated under a new name, a replica scaled away) are claimed by a live
 * one after `claimIdleMs` (`claimStuck`, XAUTOCLAIM). Consumers that are gone for
 * good (a replica scaled away, a process named by its pid) are then forgotten, so the
 * group's list of consumers does not grow with every restart (`forgetDead`).
 */
export class ConsumerGroup {
  /** Where the next XAUTOCLAIM continues in the group's pending list; "0-0" starts over. */
  private claimCursor = '0-0';
  private forgottenAt = 0;
  private readonly batch: number;

  constructor(private readonly options: ConsumerGroupOptions) {
    this.batch = options.batch ?? 100;
  }

  /** Creates the group (reading from the stream's start) unless it exists. */
  async create(): Promise<void> {
    try {
      await this.options.redis.xgroup('CREATE', this.options.stream, this.options.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  /** Entries delivered to this consumer and not acknowledged (it crashed before XACK), oldest first. */
  ownPending(): Promise<StreamEntry[]> {
    return this.read('0');
  }

  /** Entries other consumers have held unacknowledged for `claimIdleMs`, now this consumer's. */
  async claimStuck(): Promise<StreamEntry[]> {
    const { redis, stream, group, consumer, claimIdleMs } = this.options;
    const [next, entries] = (await redis.xautoclaim(
      stream,
      group,
      consumer,
      claimIdleMs,
      this.claimCursor,
      'COUNT',
      this.batch,
    )) as [string, RawEntry[]];
    this.claimCursor = next;
    if (Date.now() - this.forgottenAt >= claimIdleMs) await this.forgetDead();
    return this.live(entries);
  }

  /**
   * Deletes consumers idle for longer than `claimIdleMs` that hold nothing (what they
   * held has been claimed by then); returns how many.
   */
  async forgetDead(): Promise<number> {
    const { redis, stream, group, consumer, claimIdleMs } = this.options;
    this.forgottenAt = Date.now();
    return (await redis.eval(FORGET_DEAD, 1, stream, group, consumer, claimIdleMs)) as number;
  }

  /** New entries; with `blockMs`, waits that long for the first one. */
  next(blockMs?: number): Promise<StreamEntry[]> {
    return this.read('>', blockMs);
  }

  async ack(id: string): Promise<void> {
    await this.options.redis.xack(this.options.stream, this.options.group, id);
  }

  private async read(from: '0' | '>', blockMs?: number): Promise<StreamEntry[]> {
    const { redis, stream, group, consumer } = this.options;
    const block = blockMs === undefined ? [] : ['BLOCK', blockMs];
    const reply = (await redis.xreadgroup(
      'GROUP',
      group,
      consumer,
      'COUNT',
      this.batch,
      ...(block as ['BLOCK', number]),
      'STREAMS',
      stream,
      from,
    )) as [string, RawEntry[]][] | null;
    return this.live(reply?.[0]?.[1] ?? []);
  }

  /**
   * Entries trimmed from the stream while pending come back without fields (Redis 6.2;
   * 7 drops them from the pending list itself): nothing to handle, so they are acknowledged.
   */
  private async live(entries: RawEntry[]): Promise<StreamEntry[]> {
    const live: StreamEntry[] = [];
    for (const [id, fields] of entries) {
      if (fields) live.push({ id, event: fromStreamFields(fields) });
      else await this.ack(id);
    }
    return live;
  }
}
