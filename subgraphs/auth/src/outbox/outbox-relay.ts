import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { publishOnce, underLease, type DomainEvent } from '@rewardgraph/service-kit';

/** Where unpublished events wait: records written with the change they describe. */
export interface OutboxSource {
  name: string;
  /** Oldest unpublished events first, at most `limit`. */
  pending(limit: number): Promise<{ key: unknown; event: DomainEvent }[]>;
  markPublished(keys: unknown[]): Promise<void>;
}

export interface OutboxRelayOptions {
  stream: string;
  pollMs: number;
  /** One per user database: the instances of one deployment share it, and one of them relays at a time. */
  leaseKey: string;
  batchSize?: number;
}

/** How long a relay killed mid-pass holds the others up; renewed while a pass runs. */
const LEASE_MS = 10_000;

/**
 * Moves outbox records to the bus, at least once: publish, then mark. A crash in
 * between publishes again on the next run; `publishOnce` drops that repeat, so the
 * stream holds every event exactly once (and consumers still dedupe by event id).
 * Every instance polls, and each pass runs under a lease in the bus's Redis, so one
 * instance relays at a time (no two read and publish the same records); a pass whose
 * lease is held elsewhere is skipped, and a killed holder's lease expires.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;
  private readonly batchSize: number;

  constructor(
    private readonly sources: OutboxSource[],
    private readonly bus: Redis,
    private readonly options: OutboxRelayOptions,
    private readonly logger: Logger,
  ) {
    this.batchSize = options.batchSize ?? 100;
  }

  /** Publishes everything pending now (stopping early if `lost` aborts); returns how many events were relayed. */
  async drain(lost?: AbortSignal): Promise<number> {
    let relayed = 0;
    for (const source of this.sources) {
      while (!lost?.aborted) {
        const batch = await source.pending(this.batchSize);
        if (batch.length === 0) break;
        for (const { event } of batch) await publishOnce(this.bus, this.options.stream, event);
        await source.markPublished(batch.map((entry) => entry.key));
        relayed += batch.length;
        if (batch.length < this.batchSize) break;
      }
    }
    return relayed;
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.running = underLease(this.bus, this.options.leaseKey, { ttlMs: LEASE_MS }, (lost) =>
        this.drain(lost),
      )
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox relay failed; retrying'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
