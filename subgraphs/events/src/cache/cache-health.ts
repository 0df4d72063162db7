import { Counter, type Registry } from 'prom-client';
import { type Logger } from 'pino';

export type CacheOperation = 'get' | 'set' | 'delete';

/**
 * What the read cache knows about its Redis. After a failed or timed-out operation,
 * reads skip the cache for `bypassMs` and go to event-db, so a dead Redis costs one
 * timeout per interval instead of one per read; the failure is logged at most once per
 * interval, with how many happened since the last line.
 */
export class CacheHealth {
  private readonly errors: Counter<'operation'>;
  private readonly fallbacks: Counter;
  private bypassUntil = 0;
  private lastLogAt = -Infinity;
  private unlogged = 0;

  constructor(
    private readonly bypassMs: number,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.errors = new Counter({
      name: 'read_cache_errors_total',
      help: 'Read cache operations on Redis that failed or timed out',
      labelNames: ['operation'],
      registers: [registry],
    });
    this.fallbacks = new Counter({
      name: 'read_cache_fallbacks_total',
      help: 'Cached reads answered from event-db because the cache failed or was being bypassed',
      registers: [registry],
    });
  }

  /** True while reads skip the cache after a failure. */
  get bypassed(): boolean {
    return Date.now() < this.bypassUntil;
  }

  failed(operation: CacheOperation, error: unknown): void {
    this.errors.inc({ operation });
    const now = Date.now();
    this.bypassUntil = now + this.bypassMs;
    this.unlogged += 1;
    if (now - this.lastLogAt < this.bypassMs) return;
    this.logger.warn(
      { err: error, operation, failures: this.unlogged, bypassMs: this.bypassMs },
      'read cache failed: reads go to event-db',
    );
    this.lastLogAt = now;
    this.unlogged = 0;
  }

  fellBack(): void {
    this.fallbacks.inc();
  }
}
