import { createHash } from 'node:crypto';
import { type Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { Counter, type Registry } from 'prom-client';
import { type CacheHealth, type Identity } from '@rewardgraph/service-kit';

export type CacheResult = 'hit' | 'miss' | 'stored' | 'uncacheable';

/**
 * Whole GraphQL responses in the data Redis, for queries whose every part the subgraphs
 * marked cacheable (docs/architecture.md, "The response cache"). An entry holds the
 * versions the subgraphs answered from (`ResponseGeneration`) and is served only while
 * they are all unchanged, so a write outdates it at once, on every gateway instance.
 *
 * An entry is keyed by the deployment (its subgraph URLs, so stacks sharing one Redis
 * never read each other's entries), the caller's roles (the subgraphs only mark answers
 * PUBLIC that depend on nothing else), and the request body.
 *
 * Bodies whose answer was not cacheable are remembered in the process for a while, so
 * the queries that never are (a player's own requests, stock figures) do not pay a
 * Redis round trip each time to find nothing.
 *
 * The URLs alone do not tell deployments apart (two stacks with the same service names
 * may share one Redis and not one database), so an entry is served only when every
 * version it names is one this gateway's own subgraphs have reported (`learn`).
 */
export class ResponseCache {
  private readonly results: Counter<'result'>;
  private readonly prefix: string;
  private readonly uncacheable = new LRUCache<string, true>({ max: 10_000, ttl: 60_000 });
  /** The version keys this gateway's subgraphs answered with: one per subgraph database. */
  private readonly ownVersionKeys = new Set<string>();

  constructor(
    private readonly redis: Redis,
    private readonly health: CacheHealth,
    subgraphUrls: string[],
    registry: Registry,
  ) {
    const deployment = createHash('sha256')
      .update([...subgraphUrls].sort().join('\n'))
      .digest('hex');
    this.prefix = `rg:responses:${deployment.slice(0, 16)}:`;
    this.results = new Counter({
      name: 'gateway_response_cache_total',
      help: 'Queries by response cache outcome: served from it, missed, stored after a miss, known uncacheable',
      labelNames: ['result'],
      registers: [registry],
    });
  }

  /** The entry key of a signed-in caller's request body. */
  keyFor(identity: Identity, body: unknown): string {
    const roles = [...identity.roles].sort().join(',');
    return (
      this.prefix +
      createHash('sha256')
        .update(`${roles}\n${JSON.stringify(body)}`)
        .digest('base64url')
    );
  }

  /** False for a body whose answer was lately not cacheable: no lookup, no store. */
  mayHold(key: string): boolean {
    if (!this.uncacheable.has(key)) return true;
    this.results.inc({ result: 'uncacheable' });
    return false;
  }

  /** The answer to this body could not be kept (its policy, not an error): skip it for a while. */
  markUncacheable(key: string): void {
    this.uncacheable.set(key, true);
  }

  /** Notes the version key of a subgraph answer's `key=version` (any answer, cacheable or not). */
  learn(generation: string): void {
    this.ownVersionKeys.add(versionOf(generation).key);
  }

  /** The stored response body, when its subgraph versions are all this deployment's and still current. */
  async lookup(key: string): Promise<string | null> {
    if (this.health.bypassed) return null;
    try {
      const entry = await this.health.guard('get', this.redis.get(key));
      const body = entry === null ? null : await this.currentBody(entry);
      this.results.inc({ result: body === null ? 'miss' : 'hit' });
      return body;
    } catch {
      this.health.fellBack();
      return null;
    }
  }

  /** Keeps a response with the `key=version` pairs the subgraphs reported, for `maxAgeSeconds`. */
  async store(key: string, generations: string[], body: string, maxAgeSeconds: number): Promise<void> {
    if (this.health.bypassed) return;
    try {
      await this.health.guard(
        'set',
        this.redis.set(key, `${JSON.stringify(generations)}\n${body}`, 'EX', maxAgeSeconds),
      );
      this.results.inc({ result: 'stored' });
    } catch {
      // Counted and logged by the health; the response went out regardless.
    }
  }

  private async currentBody(entry: string): Promise<string | null> {
    const newline = entry.indexOf('\n');
    const pairs = (JSON.parse(entry.slice(0, newline)) as string[]).map(versionOf);
    if (!pairs.every((p) => this.ownVersionKeys.has(p.key))) return null;
    const current = await this.health.guard('get', this.redis.mget(pairs.map((p) => p.key)));
    return pairs.every((p, i) => current[i] === p.version) ? entry.slice(newline + 1) : null;
  }
}

/** A subgraph's `key=version` (the key may hold `=`, the version never does). */
function versionOf(generation: string): { key: string; version: string } {
  const at = generation.lastIndexOf('=');
  return { key: generation.slice(0, at), version: generation.slice(at + 1) };
}
