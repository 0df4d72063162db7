import { Counter, type Registry } from 'prom-client';
import { type Logger } from 'pino';
import { withDeadline } from './deadline';

export type CacheOperation = 'get' | 'set' | 'delete';

/**
 * Failures in a row, with no operation answering in time between them, before reads
 * skip the cache. One late answer is not an outage: on a saturated machine Redis and the
 * service share the cores, a reply now and then comes late, and skipping a healthy cache
 * then sends every read to the database just when the service is busiest. A dead or
 * paused Redis fails every operation and trips at once.
 */
export const FAILURES_TO_BYPASS = 3;

export interface CacheHealthOptions {
  /** Metric name prefix: `<name>_errors_total`, `<name>_fallbacks_total`. */
  name: string;
  /** What answers instead of the cache, for the help texts and the log line. */
  source: string;
  /** How long reads skip the cache after a failure. */
  bypassMs: number;
  /** The longest wait for one Redis answer before it counts as failed. */
  timeoutMs: number;
}

/**
 * What a cache knows about its Redis. Every operation has a deadline (`guard`); after
 * `FAILURES_TO_BYPASS` failed or timed-out operations in a row, reads skip the cache for
 * `bypassMs` and go to the source, so a dead Redis costs a few timeouts per interval
 * instead of one per read. Every failure is counted and its read answered by the source;
 * failures are logged at most once per interval, with how many happened since the last line.
 */
export class CacheHealth {
  private readonly errors: Counter<'operation'>;
  private readonly fallbacks: Counter;
  private readonly bypassMs: number;
  private readonly timeoutMs: number;
  private readonly source: string;
  private bypassUntil = 0;
  private failuresInARow = 0;
  private lastLogAt = -Infinity;
  private unlogged = 0;

  constructor(
    { name, source, bypassMs, timeoutMs }: CacheHealthOptions,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.bypassMs = bypassMs;
    this.timeoutMs = timeoutMs;
    this.source = source;
    this.errors = new Counter({
      name: `${name}_errors_total`,
      help: `Operations of the ${name.replaceAll('_', ' ')} on Redis that failed or timed out`,
      labelNames: ['operation'],
      registers: [registry],
    });
    // Each operation's series exists from the start, so a rate over it exists before the first failure.
    for (const operation of ['get', 'set', 'delete'] satisfies CacheOperation[])
      this.errors.inc({ operation }, 0);
    this.fallbacks = new Counter({
      name: `${name}_fallbacks_total`,
      help: `Reads answered by the ${source} because the cache failed or was being bypassed`,
      registers: [registry],
    });
  }

  /** True while reads skip the cache after a failure. */
  get bypassed(): boolean {
    return Date.now() < this.bypassUntil;
  }

  /** `pending` within the deadline; a failure or a late answer is reported, then thrown. */
  async guard<T>(operation: CacheOperation, pending: Promise<T>): Promise<T> {
    try {
      const answer = await withDeadline(pending, this.timeoutMs);
      this.failuresInARow = 0;
      return answer;
    } catch (error) {
      this.failed(operation, error);
      throw error;
    }
  }

  failed(operation: CacheOperation, error: unknown): void {
    this.errors.inc({ operation });
    const now = Date.now();
    this.failuresInARow += 1;
    if (this.failuresInARow >= FAILURES_TO_BYPASS) this.bypassUntil = now + this.bypassMs;
    this.unlogged += 1;
    if (now - this.lastLogAt < this.bypassMs) return;
    this.logger.warn(
      { err: error, operation, failures: this.unlogged, bypassMs: this.bypassMs },
      this.bypassed
        ? `cache failed: reads go to the ${this.source}`
        : `cache failed: the read went to the ${this.source}`,
    );
    this.lastLogAt = now;
    this.unlogged = 0;
  }

  fellBack(): void {
    this.fallbacks.inc();
  }
}
