import { randomUUID } from 'node:crypto';
import { errors } from 'bentocache';
import { type CacheProvider } from 'bentocache/types';
import { type CacheHealth, type ResponseGeneration } from '@rewardgraph/service-kit';

const versionKey = (list: string) => `${list}:version`;

/**
 * Hot reads (event list, event, event rewards and their grant counts) cached through
 * bentocache in the data Redis (docs/events.md, "The read cache"). Concurrent misses of
 * one key in a process run one load; a cache that fails or times out never fails or
 * holds up a read: it is answered from event-db. Writes delete what they change: single
 * keys directly, lists and grant counts by deleting their version, which is part of
 * their keys; catalog writes also outdate the whole responses the gateway keeps of these
 * reads (ResponseGeneration).
 */
export class ReadCache {
  constructor(
    private readonly cache: CacheProvider,
    private readonly health: CacheHealth,
    private readonly responses: Pick<ResponseGeneration, 'replace'>,
    /** How long an entry lives when nothing else bounds it. */
    private readonly ttlMs: number,
  ) {}

  /**
   * The value under `key`, loaded and kept on a miss. `validUntil` is for a value that
   * depends on the clock as well as on writes (a list filtered on "open now"): the time
   * it may change without a write. The entry is dropped then at the latest, and a read
   * at or after it loads without keeping anything.
   */
  async get<T>(key: string, load: () => Promise<T>, validUntil?: Date): Promise<T> {
    if (this.health.bypassed) return this.fallBack(load);
    if (validUntil && validUntil.getTime() <= Date.now()) return load();
    try {
      return await this.cache.getOrSet<T>({
        key,
        factory: async (context) => {
          // A load that starts after this read found Redis failing is a fallback too.
          if (this.health.bypassed) return this.fallBack(load);
          const value = await load();
          const left = validUntil ? validUntil.getTime() - Date.now() : Infinity;
          // At least 1 ms: a load that ran past its bound is kept for no time at all.
          if (left < this.ttlMs) context.setOptions({ ttl: Math.max(1, left) });
          return value;
        },
      });
    } catch (error) {
      if (error instanceof errors.E_FACTORY_ERROR) throw error.cause;
      this.health.failed('get', error);
      return this.fallBack(load);
    }
  }

  /**
   * Several keys at once: their GETs leave in one write (the client auto-pipelines a
   * tick's commands), then the misses are loaded by one call of `loadMissing` (given
   * their indexes in `keys`, answering in the same order), each still under its key's
   * stampede protection: a key another caller filled meanwhile is not loaded again.
   */
  async getMany<T>(keys: string[], loadMissing: (missing: number[]) => Promise<T[]>): Promise<T[]> {
    const cached = await this.peekMany<T>(keys);
    const missing = keys.flatMap((_, index) => (cached[index] === undefined ? [index] : []));
    let loading: Promise<T[]> | undefined;
    const loadOne = async (index: number) =>
      (await (loading ??= loadMissing(missing)))[missing.indexOf(index)];
    return Promise.all(
      keys.map((key, index) =>
        cached[index] !== undefined ? cached[index] : this.get(key, () => loadOne(index)),
      ),
    );
  }

  /**
   * A key for a list, valid until a write invalidates the list. The version is read
   * before the list is loaded, so a load that overlaps a write is stored under the old
   * version, where nobody looks any more.
   */
  async listKey(list: string, parts: unknown): Promise<string> {
    const [key] = await this.versionedKeys([list]);
    return `${key}:${JSON.stringify(parts)}`;
  }

  /**
   * A key per name under the name's own version (`<name>:<version>`), valid until a
   * write deletes that version as it deletes a list's (`forget` or `invalidate` with the
   * name among the lists); the versions of all names are read in one round trip. Like a
   * list's key, it keeps a load that overlaps a write away from the readers after it.
   */
  async versionedKeys(names: string[]): Promise<string[]> {
    const versions = await this.getMany(names.map(versionKey), async (missing) =>
      missing.map(() => randomUUID()),
    );
    return names.map((name, index) => `${name}:${versions[index]}`);
  }

  /**
   * Deletes the keys and the versions of the lists, then outdates the gateway's
   * responses (after, so none is stored again from a copy deleted here); a failure is
   * counted and logged, never thrown.
   */
  async invalidate(keys: string[], lists: string[] = []): Promise<void> {
    await this.forget(keys, lists);
    await this.responses.replace();
  }

  /**
   * `invalidate` for reads the gateway never keeps whole (per-viewer lists, staff lists):
   * the responses' version is left as it is, so a storm of such writes does not outdate
   * the responses the gateway keeps of other reads.
   */
  async forget(keys: string[], lists: string[] = []): Promise<void> {
    try {
      await this.cache.deleteMany({ keys: [...keys, ...lists.map(versionKey)] });
    } catch (error) {
      this.health.failed('delete', error);
    }
  }

  /** What the cache holds for each key, without loading: undefined for a miss. */
  private async peekMany<T>(keys: string[]): Promise<(T | undefined)[]> {
    if (this.health.bypassed) return keys.map(() => undefined);
    try {
      return await Promise.all(keys.map((key) => this.cache.get<T | undefined>({ key })));
    } catch (error) {
      this.health.failed('get', error);
      return keys.map(() => undefined);
    }
  }

  private fallBack<T>(load: () => Promise<T>): Promise<T> {
    this.health.fellBack();
    return load();
  }
}
