import { type CacheDriver, type L2CacheDriver } from 'bentocache/types';
import { type CacheHealth, type CacheOperation, type Counter } from '@rewardgraph/service-kit';

/**
 * The cache's layer (bentocache's Redis driver), with every operation bounded by the
 * cache health's deadline and every failure (a late answer included) reported to it
 * before bentocache falls back. While the health says to bypass, reads and writes of
 * entries do not wait on the layer at all; deletions always go out, since a missed one
 * would leave a stale entry behind.
 */
export class ReportingDriver implements L2CacheDriver {
  readonly type = 'l2';

  constructor(
    private readonly layer: CacheDriver,
    private readonly health: CacheHealth,
    private readonly lookups: Counter<'result'>,
  ) {}

  namespace(namespace: string): ReportingDriver {
    return new ReportingDriver(this.layer.namespace(namespace), this.health, this.lookups);
  }

  async get(key: string): Promise<string | undefined> {
    if (this.health.bypassed) return undefined;
    const value = await this.report('get', this.layer.get(key));
    this.lookups.inc({ result: value === undefined ? 'miss' : 'hit' });
    return value;
  }

  pull(key: string): Promise<string | undefined> {
    return this.report('get', this.layer.pull(key));
  }

  async set(key: string, value: string, ttl?: number): Promise<boolean> {
    if (this.health.bypassed) return false;
    return this.report('set', this.layer.set(key, value, ttl));
  }

  delete(key: string): Promise<boolean> {
    return this.report('delete', this.layer.delete(key));
  }

  /**
   * One delete per key (on Redis, auto-pipelining sends them in one write) rather than
   * RedisDriver's pipeline, whose failed commands resolve quietly.
   */
  async deleteMany(keys: string[]): Promise<boolean> {
    await Promise.all(keys.map((key) => this.delete(key)));
    return true;
  }

  clear(): Promise<void> {
    return this.report('delete', this.layer.clear());
  }

  disconnect(): Promise<void> {
    return this.layer.disconnect();
  }

  private report<T>(operation: CacheOperation, pending: Promise<T>): Promise<T> {
    return this.health.guard(operation, pending);
  }
}
