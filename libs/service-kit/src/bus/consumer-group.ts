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
 * One consumer of a Redis stream consumer group. Entries count as handled only once
 * acknowledged, so a crash leaves them pending: a restarted consumer of the same name
 * gets its own back (`ownPending`), and entries whose consumer never comes back (a
 * container recreated under a new name, a replica scaled away) are claimed by a live
 * one after `claimIdleMs` (`claimStuck`, XAUTOCLAIM).
 */
export class ConsumerGroup {
  /** Where the next XAUTOCLAIM continues in the group's pending list; "0-0" starts over. */
  private claimCursor = '0-0';
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
    return this.live(entries);
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
