import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { fromStreamFields, isDuplicateKey, type DomainEvent } from '@rewardgraph/service-kit';
import { type ProcessedBusEventRecord } from './metric.model';
import { type MetricService } from './metric.service';

type Entries = [id: string, fields: string[]][];

/**
 * Reads the auth service's domain events as the consumer group "events" and feeds
 * loginDays. An entry is acknowledged only after it was handled, so a crash leaves
 * it pending and the restarted consumer (same name) reads its pending entries first.
 * Handling is idempotent by event id (and a login day is unique anyway).
 */
export class AuthEventsConsumer {
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly stream: string,
    private readonly group: string,
    private readonly consumer: string,
    private readonly metrics: MetricService,
    private readonly processed: ReturnModelType<typeof ProcessedBusEventRecord>,
    private readonly logger: Logger,
    private readonly blockMs = 2000,
  ) {}

  async start(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.stream, this.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.redis.disconnect();
    await this.loop;
  }

  /** Handles what is waiting now (pending first); for tests and the loop alike. */
  async drainOnce(block = false): Promise<number> {
    let handled = 0;
    for (const from of ['0', '>']) {
      const args = block && from === '>' ? ['BLOCK', this.blockMs] : [];
      const reply = (await this.redis.xreadgroup(
        'GROUP',
        this.group,
        this.consumer,
        'COUNT',
        100,
        ...(args as ['BLOCK', number]),
        'STREAMS',
        this.stream,
        from,
      )) as [string, Entries][] | null;
      for (const [id, fields] of reply?.[0]?.[1] ?? []) {
        await this.handle(fromStreamFields(fields));
        await this.redis.xack(this.stream, this.group, id);
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
        this.logger.error({ err: error }, 'consuming auth events failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private async handle(event: DomainEvent): Promise<void> {
    if (await this.processed.exists({ eventId: event.id })) return;
    if (event.type === 'user.logged_in') {
      await this.metrics.recordLogin(String(event.data.userId), new Date(String(event.data.at)));
    }
    try {
      await this.processed.create({ eventId: event.id, at: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
