import { type Redis } from 'ioredis';
import {
  cacheEncoding,
  counterOn,
  type CacheHealth,
  type Counter,
  type Registry,
} from '@rewardgraph/service-kit';
import { type User } from './user.type';

/** What a write leaves in place of an entry: readers neither use it nor replace it. */
const HOLD = 'hold';

/**
 * How long a write's hold stays. A reader stores only what it loaded less than half of
 * this ago, so a copy read from user-db before the write reaches Redis while the hold
 * still refuses it (docs/auth.md, "The user display cache").
 */
export const HOLD_MS = 5000;
const STORE_WITHIN_MS = HOLD_MS / 2;

export interface UserDisplayCacheOptions {
  /** The user-db's name: a Redis shared by several deployments or test runs keeps their entries apart. */
  database: string;
  ttlSeconds: number;
  health: CacheHealth;
  registry: Registry;
}

/**
 * What other subgraphs show of a user (`toUser`: id, email, roles, dates; never the
 * password hash or the token version), kept per user in the secure Redis so a batch of
 * entity references costs one round trip. For display only: logins, refreshes and role
 * checks read user-db. Every write that changes a user leaves a hold instead of the
 * entry, and readers store with NX, so a copy loaded before the write never lands after it.
 */
export class UserDisplayCache {
  private readonly lookups: Counter<'result'>;
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: UserDisplayCacheOptions,
  ) {
    // v1: the shape `toUser` returns; a new shape takes a new version, so no old entry is read.
    this.prefix = `rg:cache:${options.database}:user:v1:`;
    this.lookups = counterOn(options.registry, {
      name: 'user_cache_lookups_total',
      help: 'Users looked up in the user display cache, by result: hit (served from Redis) or miss (loaded from user-db)',
      labelNames: ['result'],
    });
    for (const result of ['hit', 'miss']) this.lookups.inc({ result }, 0);
  }

  keyOf(id: string): string {
    return `${this.prefix}${id}`;
  }

  /**
   * The users of `ids`, in order (null where none): the GETs leave in one write (the
   * client auto-pipelines a tick's commands, one round trip), the misses are loaded by
   * one call of `load` and stored. A failing or slow Redis costs at most its deadline,
   * then user-db answers.
   */
  async getMany(
    ids: readonly string[],
    load: (ids: string[]) => Promise<(User | null)[]>,
  ): Promise<(User | null)[]> {
    const { health } = this.options;
    if (health.bypassed) return this.fallBack(ids, load);
    let cached: (string | null)[];
    try {
      cached = await health.guard('get', Promise.all(ids.map((id) => this.redis.get(this.keyOf(id)))));
    } catch {
      return this.fallBack(ids, load);
    }
    const unusable = (text: string | null) => text === null || text === HOLD;
    const missing = ids.flatMap((_, i) => (unusable(cached[i]) ? [i] : []));
    this.lookups.inc({ result: 'hit' }, ids.length - missing.length);
    this.lookups.inc({ result: 'miss' }, missing.length);
    const found = cached.map((text) => (unusable(text) ? null : this.decode(text!)));
    if (missing.length === 0) return found;

    const loadedAt = performance.now();
    const loaded = await load(missing.map((i) => ids[i]!));
    missing.forEach((i, n) => (found[i] = loaded[n] ?? null));
    // Under a hold the user was just written: nothing is stored for them until it expires.
    await this.store(
      missing.flatMap((i, n) => {
        const user = loaded[n];
        return user && cached[i] === null ? [user] : [];
      }),
      loadedAt,
    );
    return found;
  }

  /**
   * After a write to the user: replaces the entry with a hold, which no reader replaces
   * before it expires. Never skipped while reads bypass the cache, never thrown: a failed
   * hold is counted and leaves the entry until its TTL.
   */
  async hold(id: string): Promise<void> {
    try {
      await this.options.health.guard('delete', this.redis.set(this.keyOf(id), HOLD, 'PX', HOLD_MS));
    } catch {
      // Reported by the guard.
    }
  }

  /**
   * Stores with NX, so an entry never replaces a hold; and only a copy loaded within
   * STORE_WITHIN_MS, so a hold set after the load is still there when the copy arrives.
   */
  private async store(users: User[], loadedAt: number): Promise<void> {
    const { health, ttlSeconds } = this.options;
    if (users.length === 0 || health.bypassed || performance.now() - loadedAt > STORE_WITHIN_MS) return;
    try {
      await health.guard(
        'set',
        Promise.all(
          users.map((user) =>
            this.redis.set(this.keyOf(user.id), cacheEncoding.serialize(user), 'EX', ttlSeconds, 'NX'),
          ),
        ),
      );
    } catch {
      // Reported by the guard; the users were read all the same.
    }
  }

  private decode(text: string): User {
    return cacheEncoding.deserialize(text) as User;
  }

  private fallBack(ids: readonly string[], load: (ids: string[]) => Promise<(User | null)[]>) {
    this.options.health.fellBack();
    return load([...ids]);
  }
}
