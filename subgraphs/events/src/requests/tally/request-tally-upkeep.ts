import { randomUUID } from 'node:crypto';
import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { readEach, type Tally, type TallyItem } from '@rewardgraph/service-kit';
import { type RewardRequestRecord } from '../request.model';
import { GONE, tallyItemOf } from './request-tally';

export interface TallyUpkeepOptions {
  intervalMs: number;
  /** An intent younger than this may still be in its own process's hands. */
  graceMs: number;
  /** Unique per database, like the tally's own keys. */
  leaseKey: string;
}

export interface UpkeepReport {
  rebuilt: number | null;
  recorded: number;
}

const INTENTS_PER_PASS = 500;
const REBUILD_BATCH = 1000;
/** A rebuild reads every request; FerretDB reads a few thousand a second. */
const LEASE_MS = 10 * 60_000;
/** Deletes the lease only while it is still this instance's. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Keeps the request tally true, in the background and on one instance at a time (a
 * Redis lease): builds it from the database when Redis has none (new, emptied or
 * restarted), and records from the database every change whose process died between
 * writing it and recording it.
 */
export class RequestTallyUpkeep {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<UpkeepReport> | undefined;

  constructor(
    private readonly requests: ReturnModelType<typeof RewardRequestRecord>,
    private readonly tally: Tally,
    private readonly redis: Redis,
    private readonly options: TallyUpkeepOptions,
    private readonly logger: Logger,
  ) {}

  /** Starts passes without waiting for the first: a rebuild may take minutes, and reads count meanwhile. */
  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass, or the one already running; nothing is done while another instance holds the lease. */
  runOnce(): Promise<UpkeepReport> {
    this.pass ??= this.leased()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'tally upkeep failed; the next pass tries again');
        return { rebuilt: null, recorded: 0 };
      })
      .finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async leased(): Promise<UpkeepReport> {
    const token = randomUUID();
    const { leaseKey } = this.options;
    if ((await this.redis.set(leaseKey, token, 'PX', LEASE_MS, 'NX')) !== 'OK')
      return { rebuilt: null, recorded: 0 };
    try {
      const rebuilt = (await this.tally.isBuilt()) ? null : await this.rebuild();
      return { rebuilt, recorded: await this.recordStale() };
    } finally {
      await this.redis.eval(RELEASE, 1, leaseKey, token);
    }
  }

  private async rebuild(): Promise<number> {
    const started = Date.now();
    this.logger.info('building the request tally from the database');
    const items = await this.tally.rebuild(this.everyRequest());
    this.logger.info({ items, ms: Date.now() - started }, 'request tally built');
    return items;
  }

  private async *everyRequest(): AsyncIterable<TallyItem[]> {
    const cursor = this.requests
      .find({}, { status: 1, day: 1 })
      .lean<Pick<RewardRequestRecord, '_id' | 'status' | 'day'>>()
      .cursor({ batchSize: REBUILD_BATCH });
    let batch: TallyItem[] = [];
    for await (const request of cursor) {
      batch.push(tallyItemOf(request as Pick<RewardRequestRecord, '_id' | 'status' | 'day'>));
      if (batch.length === REBUILD_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  /**
   * Each stale intent recorded with what the database holds now: gone when it holds
   * nothing, which undoes a counted request and is ignored for one never counted.
   */
  private async recordStale(): Promise<number> {
    const stale = await this.tally.staleIntents(this.options.graceMs, INTENTS_PER_PASS);
    if (stale.length === 0) return 0;
    const found = await readEach(
      stale.map((intent) => intent.id),
      async (id) => {
        const request = await this.requests
          .findById(id, { status: 1, day: 1 })
          .lean<Pick<RewardRequestRecord, '_id' | 'status' | 'day'>>()
          .exec();
        return request ? [tallyItemOf(request)] : [];
      },
    );
    const byId = new Map(found.map((item) => [item.id, item]));
    await this.tally.record(stale.map((intent) => byId.get(intent.id) ?? { ...intent, state: GONE }));
    this.logger.info({ items: stale.length }, 'recorded changes whose process stopped before recording them');
    return stale.length;
  }
}
