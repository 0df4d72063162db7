import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { ConsumerGroup, isDuplicateKey, type DomainEvent, type StreamEntry } from '@rewardgraph/service-kit';
import { type ProcessedBusEventRecord } from './metric.model';
import { type MetricService } from './metric.service';

export interface AuthEventsConsumerOptions {
  redis: Redis;
  stream: string;
  group: string;
  /** This process's name in the group (BUS_CONSUMER_NAME). */
  consumer: string;
  /** After this long unacknowledged with another consumer, an entry is taken over (BUS_CLAIM_IDLE_MS). */
  claimIdleMs: number;
  metrics: MetricService;
  processed: ReturnModelType<typeof ProcessedBusEventRecord>;
  logger: Logger;
  blockMs?: number;
}

/**
 * Reads the auth service's domain events as a consumer of the group "events" and feeds
 * loginDays. An entry is acknowledged only after it was handled, so a crash leaves it
 * pending: the restarted consumer (same name) handles its own pending entries first,
 * and entries a consumer that never comes back held are taken over by another once
 * they have been idle for `claimIdleMs`. Handling is idempotent by event id (and a
 * login day is unique anyway), so an entry handled twice counts once.
 */
export class AuthEventsConsumer {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly group: ConsumerGroup;
  private readonly blockMs: number;

  constructor(private readonly options: AuthEventsConsumerOptions) {
    this.group = new ConsumerGroup(options);
    this.blockMs = options.blockMs ?? 2000;
  }

  async start(): Promise<void> {
    await this.group.create();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.options.redis.disconnect();
    await this.loop;
  }

  /** Handles what is waiting now: its own pending entries, stuck ones of others, new ones. For tests and the loop alike. */
  async drainOnce(block = false): Promise<number> {
    let handled = 0;
    const reads = [
      () => this.group.ownPending(),
      () => this.group.claimStuck(),
      () => this.group.next(block ? this.blockMs : undefined),
    ];
    for (const read of reads) {
      for (const entry of await read()) {
        await this.handle(entry);
        handled++;
      }
    }
    return handled;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.drainOnce(true);
      } catch (error) {
        if (!this.running) return;
        this.options.logger.error({ err: error }, 'consuming auth events failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async handle({ id, event }: StreamEntry): Promise<void> {
    await this.apply(event);
    await this.group.ack(id);
  }

  private async apply(event: DomainEvent): Promise<void> {
    const { processed, metrics } = this.options;
    if (await processed.exists({ eventId: event.id })) return;
    if (event.type === 'user.logged_in') {
      await metrics.recordLogin(String(event.data.userId), new Date(String(event.data.at)));
    }
    try {
      await processed.create({ eventId: event.id, at: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
