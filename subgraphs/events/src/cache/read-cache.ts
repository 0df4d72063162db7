import { type Redis } from 'ioredis';
import { Types } from 'mongoose';
import { type Logger } from 'pino';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const OBJECT_ID_KEYS = new Set(['_id', 'eventId', 'rewardId']);

/** Cached records come back as they left the database: dates as Date, ids as ObjectId. */
function revive(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (OBJECT_ID_KEYS.has(key) && /^[0-9a-f]{24}$/.test(value)) return new Types.ObjectId(value);
  return ISO_DATE.test(value) ? new Date(value) : value;
}

/**
 * Hot reads (event list, event, event rewards) cached in the "data" Redis. Writes
 * delete what they change: single keys directly, lists by bumping a generation that
 * is part of every list key. A Redis failure never fails a read: it falls back to the
 * database and logs.
 */
export class ReadCache {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
    private readonly logger: Logger,
  ) {}

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    try {
      const hit = await this.redis.get(key);
      if (hit !== null) return JSON.parse(hit, revive) as T;
    } catch (error) {
      this.logger.warn({ err: error, key }, 'cache read failed');
    }
    const value = await load();
    this.redis.set(key, JSON.stringify(value), 'EX', this.ttlSeconds).catch((error: unknown) => {
      this.logger.warn({ err: error, key }, 'cache write failed');
    });
    return value;
  }

  /**
   * Several keys in one round trip; the misses are loaded together by `loadMissing`
   * (given their indexes in `keys`, answering in the same order) and stored.
   */
  async getMany<T>(keys: string[], loadMissing: (missing: number[]) => Promise<T[]>): Promise<T[]> {
    let hits: (string | null)[] = keys.map(() => null);
    try {
      hits = await this.redis.mget(...keys);
    } catch (error) {
      this.logger.warn({ err: error, keys: keys.length }, 'cache read failed');
    }
    const values = hits.map((hit) => (hit === null ? undefined : (JSON.parse(hit, revive) as T)));
    const missing = keys.flatMap((_, i) => (values[i] === undefined ? [i] : []));
    if (missing.length === 0) return values as T[];
    const loaded = await loadMissing(missing);
    const tx = this.redis.multi();
    missing.forEach((index, i) => {
      values[index] = loaded[i];
      tx.set(keys[index], JSON.stringify(loaded[i]), 'EX', this.ttlSeconds);
    });
    tx.exec().catch((error: unknown) => this.logger.warn({ err: error }, 'cache write failed'));
    return values as T[];
  }

  /** A key for a list, valid until the list's generation is bumped. */
  async listKey(list: string, parts: unknown): Promise<string> {
    const generation = (await this.redis.get(`rg:cache:gen:${list}`).catch(() => null)) ?? '0';
    return `rg:cache:${list}:${generation}:${JSON.stringify(parts)}`;
  }

  async invalidate(keys: string[], lists: string[] = []): Promise<void> {
    const tx = this.redis.multi();
    if (keys.length) tx.del(...keys);
    for (const list of lists) tx.incr(`rg:cache:gen:${list}`);
    await tx.exec();
  }
}
