import { randomUUID } from 'node:crypto';
import { type ChainableCommander, type Redis } from 'ioredis';
import { type CacheHealth } from '../cache/cache-health';

export interface DaySetsOptions {
  /** Unique per database and figure, e.g. `rg:tally:{rewardgraph_events:participants}`. */
  key: string;
  /** Reads have a deadline; a failed or late one answers null, so the reader asks the database. */
  health: CacheHealth;
  /**
   * Above this many members over the days asked (counted with repeats), `distinct` is
   * estimated (HyperLogLog, about 0.8% standard error) instead of a union of the sets,
   * which costs Redis time in proportion to the members.
   */
  exactUpTo?: number;
}

const EXACT_UP_TO = 5000;

export interface DayMember {
  day: string;
  member: string;
}

/**
 * Who did something on each day, as one Redis set per day bucket, so that "how many
 * distinct users in this range" is one union in Redis instead of reading every document
 * of the range (FerretDB reads a few thousand documents a second, and sends no range to
 * an index). Members are added before the write they stand for: a crash in between
 * leaves a member whose write never happened (an attempt), never a write without its
 * member. Sets nobody has built answer null until they are (`addMany` from the
 * database, then `markBuilt`). Beside each set, a HyperLogLog of the same members answers
 * "how many distinct" over many large days in constant time.
 */
export class DaySets {
  private readonly built: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: DaySetsOptions,
  ) {
    this.built = `${options.key}:built`;
  }

  async add(day: string, member: string): Promise<void> {
    await this.redis.multi().sadd(this.setOf(day), member).pfadd(this.estimateOf(day), member).exec();
  }

  isBuilt(): Promise<boolean> {
    return this.redis.exists(this.built).then((n) => n === 1);
  }

  async addMany(members: readonly DayMember[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const { day, member } of members) {
      pipeline.sadd(this.setOf(day), member).pfadd(this.estimateOf(day), member);
    }
    await pipeline.exec();
  }

  /** After every member the database holds has been added. */
  async markBuilt(): Promise<void> {
    await this.redis.set(this.built, new Date().toISOString());
  }

  /** Distinct members over the days, exact while few; null until built, or when Redis fails. */
  async distinct(days: readonly string[]): Promise<number | null> {
    const sizes = await this.sizes(days);
    if (!sizes) return null;
    const members = [...sizes.values()].reduce((n, size) => n + size, 0);
    if (members > (this.options.exactUpTo ?? EXACT_UP_TO)) {
      const answers = await this.guarded((multi) => {
        multi.pfcount(...days.map((day) => this.estimateOf(day)));
      });
      return answers && (answers[0] as number);
    }
    // The union is stored under a key of its own and dropped in the same transaction.
    const union = `${this.options.key}:union:${randomUUID()}`;
    const answers = await this.guarded((multi) => {
      multi.sunionstore(union, ...days.map((day) => this.setOf(day))).del(union);
    });
    return answers && (answers[0] as number);
  }

  /** The answers of `queue`'s commands in one transaction, once the sets are built, within the deadline. */
  private async guarded(queue: (multi: ChainableCommander) => void): Promise<unknown[] | null> {
    const { health } = this.options;
    if (health.bypassed) {
      health.fellBack();
      return null;
    }
    const multi = this.redis.multi().exists(this.built);
    queue(multi);
    try {
      const [[, built], ...rest] = (await health.guard('get', multi.exec()))!;
      return built === 1 ? rest.map(([, answer]) => answer) : null;
    } catch {
      health.fellBack();
      return null;
    }
  }

  /** Members per day; null until built, or when Redis fails. */
  async sizes(days: readonly string[]): Promise<Map<string, number> | null> {
    const answers = await this.guarded((multi) => {
      for (const day of days) multi.scard(this.setOf(day));
    });
    return answers && new Map(days.map((day, i) => [day, answers[i] as number]));
  }

  private setOf(day: string): string {
    return `${this.options.key}:${day}`;
  }

  private estimateOf(day: string): string {
    return `${this.options.key}:estimate:${day}`;
  }
}
