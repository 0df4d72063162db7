import { randomUUID } from 'node:crypto';
import { type GraphQLResolveInfo } from 'graphql';
import { type Redis } from 'ioredis';
import { type ServiceContext } from '../auth/service-context';
import { restrictCacheAge } from './cache-control';
import { type CacheHealth } from './cache-health';

/** The response header in which a subgraph reports `<key>=<version>` of what it answered from. */
export const GENERATION_HEADER = 'x-rewardgraph-generation';

/**
 * The version of the answers a subgraph lets the gateway cache whole. A resolver with
 * a cache hint reads it (once per request) before it reads its data and reports it in
 * a response header; the gateway keeps the response with it and serves it only while
 * the version is unchanged; writes that change such answers replace the version after
 * they commit. A read that overlaps a write therefore carries the older version, and
 * its entry is outdated the moment the write replaces it.
 *
 * Versions are random, not counters: if Redis loses the key, the next read starts a new
 * version instead of an old number that stale entries might still carry.
 */
export class ResponseGeneration {
  private readonly reads = new WeakMap<ServiceContext, Promise<string | null>>();

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    private readonly health: CacheHealth,
  ) {}

  /**
   * Reports the version this request answers from. When Redis cannot say, the field is
   * made uncacheable instead: an answer without a version must not be stored.
   */
  async report(context: ServiceContext, info: GraphQLResolveInfo): Promise<void> {
    let read = this.reads.get(context);
    if (!read) {
      read = this.read();
      this.reads.set(context, read);
      const version = await read;
      if (version !== null) context.http.setHeader(GENERATION_HEADER, `${this.key}=${version}`);
    }
    if ((await read) === null) restrictCacheAge(info, 0);
  }

  /** The version now, for a copy kept in the process (null when Redis cannot say: keep nothing). */
  current(): Promise<string | null> {
    return this.read();
  }

  /** After a write: every response answered from an older version is outdated. */
  async replace(): Promise<void> {
    await this.health.guard('set', this.redis.set(this.key, randomUUID())).catch(() => undefined);
  }

  private async read(): Promise<string | null> {
    if (this.health.bypassed) return null;
    const fresh = randomUUID();
    // Starts a version when there is none, in the same command that reads it.
    const reading = this.health.guard('get', this.redis.set(this.key, fresh, 'NX', 'GET'));
    return reading.then((current) => current ?? fresh).catch(() => null);
  }
}
