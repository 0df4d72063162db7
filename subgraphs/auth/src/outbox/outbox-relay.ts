import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { publishOnce, type DomainEvent } from '@rewardgraph/service-kit';

/** Where unpublished events wait: records written with the change they describe. */
export interface OutboxSource {
  name: string;
  /** Oldest unpublished events first, at most `limit`. */
  pending(limit: number): Promise<{ key: unknown; event: DomainEvent }[]>;
  markPublished(keys: unknown[]): Promise<void>;
}

/**
 * Moves outbox records to the bus, at least once: publish, then mark. A crash in
 * between publishes again on the next run; `publishOnce` drops that repeat, so the
 * stream holds every event exactly once (and consumers still dedupe by event id).
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly sources: OutboxSource[],
    private readonly bus: Redis,
    private readonly stream: string,
    private readonly pollMs: number,
    private readonly logger: Logger,
    private readonly batchSize = 100,
  ) {}

  /** Publishes everything pending now; returns how many events were relayed. */
  async drain(): Promise<number> {
    let relayed = 0;
    for (const source of this.sources) {
      for (;;) {
        const batch = await source.pending(this.batchSize);
        if (batch.length === 0) break;
        for (const { event } of batch) await publishOnce(this.bus, this.stream, event);
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
      this.running = this.drain()
        .catch((error: unknown) => this.logger.error({ err: error }, 'outbox relay failed; retrying'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs);
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
