import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { type CacheHealth } from '../cache/cache-health';
import { readEach } from '../queries/read-each';

/** Where one item stands: its state (a status, or a state that is not counted) and its day bucket. */
export interface TallyItem {
  id: string;
  day: string;
  state: string;
}

export interface TallyOptions {
  /** Unique per database and collection, e.g. `rg:tally:{rewardgraph_events:requests}`. */
  key: string;
  /** States only move to a higher rank; a lower or equal one arriving late changes nothing. */
  ranks: Readonly<Record<string, number>>;
  /** States an item can reach that are not counted (a deleted item). */
  uncounted?: readonly string[];
  /** Reads have a deadline; a failed or late one answers null, so the reader counts in the database. */
  health: CacheHealth;
  logger: Logger;
}

/**
 * Moves one item to a state, idempotently: the item's current state is kept beside the
 * counts, so a step recorded twice, late or out of order (a recovery pass redoing a crashed
 * request, a rebuild reading an old copy) is counted once. An item never counted that
 * reaches an uncounted state leaves nothing behind: an intent whose insert never happened
 * (a duplicate, or one still on its way while the upkeep looks) must not block that
 * insert's record. KEYS: states, counts, intents.
 * ARGV: id, day, state, rank, counted (1/0), intent member.
 */
const RECORD = `
redis.call('ZREM', KEYS[3], ARGV[6])
local before = redis.call('HGET', KEYS[1], ARGV[1])
if before then
  local rank, state, day, counted = string.match(before, '^(%d+)|([^|]*)|([^|]*)|(%d)$')
  if tonumber(rank) >= tonumber(ARGV[4]) then return 0 end
  if counted == '1' then
    redis.call('HINCRBY', KEYS[2], state, -1)
    redis.call('HINCRBY', KEYS[2], day .. '|' .. state, -1)
  end
elseif ARGV[5] == '0' then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[4] .. '|' .. ARGV[3] .. '|' .. ARGV[2] .. '|' .. ARGV[5])
if ARGV[5] == '1' then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  redis.call('HINCRBY', KEYS[2], ARGV[2] .. '|' .. ARGV[3], 1)
end
return 1`;

interface TallyCommands {
  recordTally(
    states: string,
    counts: string,
    intents: string,
    id: string,
    day: string,
    state: string,
    rank: number,
    counted: 0 | 1,
    intent: string,
  ): Promise<number>;
}

/** Per day bucket, the count of each state. */
export type DayCounts = Map<string, Map<string, number>>;

export interface TallyCounts {
  totals: Map<string, number>;
  days: DayCounts;
}

const BUILT = 'built';

/**
 * Counts kept in Redis as items change state, so that "how many" is one read however
 * many items the database holds (FerretDB counts by reading every document). Every change
 * is written to the database first and recorded here after; between the two it is an
 * intent, so a change whose process died in between is found and recorded from the
 * database (`staleIntents`). A tally nobody has built (a new or emptied Redis) answers
 * null and its readers count in the database until it is built (`record` from the
 * database, then `markBuilt`); so does a slow or
 * dead Redis, within the health's deadline.
 */
export class Tally {
  private readonly redis: Redis & TallyCommands;
  private readonly states: string;
  private readonly counts: string;
  private readonly intents: string;
  private readonly built: string;

  constructor(
    redis: Redis,
    private readonly options: TallyOptions,
  ) {
    redis.defineCommand('recordTally', { numberOfKeys: 3, lua: RECORD });
    this.redis = redis as Redis & TallyCommands;
    this.states = `${options.key}:states`;
    this.counts = `${options.key}:counts`;
    this.intents = `${options.key}:intents`;
    this.built = `${options.key}:${BUILT}`;
  }

  /**
   * Writes one item's change between its intent and its record. A failed record is left
   * to `staleIntents`: the write has happened and the caller's answer stands.
   */
  async track<T>(item: TallyItem, write: () => Promise<T>): Promise<T> {
    await this.intend(item.id, item.day);
    const result = await write();
    await this.record([item]).catch((error: unknown) =>
      this.options.logger.warn(
        { err: error, item },
        'tally not recorded; its upkeep records it from the database',
      ),
    );
    return result;
  }

  /** Before a change is written: remembered until it is recorded. */
  async intend(id: string, day: string): Promise<void> {
    await this.redis.zadd(this.intents, Date.now(), intentOf(id, day));
  }

  /** An intended change that was not made (an insert refused as a duplicate). */
  async forget(id: string, day: string): Promise<void> {
    await this.redis.zrem(this.intents, intentOf(id, day));
  }

  /** After the changes are written. */
  async record(items: readonly TallyItem[]): Promise<void> {
    if (items.length === 0) return;
    const pipeline = this.redis.pipeline() as unknown as TallyCommands & { exec(): Promise<unknown> };
    for (const item of items) this.recordIn(pipeline, item);
    const results = (await pipeline.exec()) as [Error | null, unknown][];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  /**
   * Records each intent older than `graceMs` (a change whose process died between its
   * write and its record) with the item's state in the database now, or `missing` when
   * the database holds no such item. Returns how many were recorded.
   */
  async recordStale(
    graceMs: number,
    limit: number,
    stateOf: (id: string) => Promise<TallyItem | null>,
    missing: string,
  ): Promise<number> {
    const stale = await this.staleIntents(graceMs, limit);
    if (stale.length === 0) return 0;
    const found = await readEach(
      stale.map((intent) => intent.id),
      async (id) => {
        const item = await stateOf(id);
        return item ? [item] : [];
      },
    );
    const byId = new Map(found.map((item) => [item.id, item]));
    await this.record(stale.map((intent) => byId.get(intent.id) ?? { ...intent, state: missing }));
    return stale.length;
  }

  /** Intents older than `ms`: changes whose process may have died between write and record. */
  async staleIntents(ms: number, limit: number): Promise<{ id: string; day: string }[]> {
    const members = await this.redis.zrangebyscore(this.intents, '-inf', Date.now() - ms, 'LIMIT', 0, limit);
    return members.map((member) => {
      const [id, day] = member.split(' ');
      return { id, day };
    });
  }

  isBuilt(): Promise<boolean> {
    return this.redis.exists(this.built).then((n) => n === 1);
  }

  /**
   * After every item the database holds has been recorded. Changes recorded meanwhile are
   * kept: an older state read from the database is refused.
   */
  async markBuilt(): Promise<void> {
    await this.redis.set(this.built, new Date().toISOString());
  }

  private recordIn(target: TallyCommands, { id, day, state }: TallyItem) {
    const rank = this.options.ranks[state];
    if (rank === undefined) throw new Error(`${this.options.key}: no rank for state ${state}`);
    const counted = this.options.uncounted?.includes(state) ? 0 : 1;
    return target.recordTally(
      this.states,
      this.counts,
      this.intents,
      id,
      day,
      state,
      rank,
      counted,
      intentOf(id, day),
    );
  }

  /** The count of each state, in all and per day bucket; null until built, or when Redis fails. */
  async read(): Promise<TallyCounts | null> {
    const { health } = this.options;
    if (health.bypassed) {
      health.fellBack();
      return null;
    }
    let answers: [Error | null, unknown][];
    try {
      answers = (await health.guard(
        'get',
        this.redis.multi().exists(this.built).hgetall(this.counts).exec(),
      ))!;
    } catch {
      health.fellBack();
      return null;
    }
    const [[, built], [, fields]] = answers as [[null, number], [null, Record<string, string>]];
    if (built !== 1) return null;
    const totals = new Map<string, number>();
    const days: DayCounts = new Map();
    for (const [field, value] of Object.entries(fields)) {
      const count = Number(value);
      const split = field.indexOf('|');
      if (split < 0) {
        totals.set(field, count);
        continue;
      }
      const day = field.slice(0, split);
      const perState = days.get(day) ?? new Map<string, number>();
      perState.set(field.slice(split + 1), count);
      days.set(day, perState);
    }
    return { totals, days };
  }
}

const intentOf = (id: string, day: string) => `${id} ${day}`;
