import { type Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import { withDeadline } from '../cache/deadline';

export interface Reading<T extends string> {
  labels: Partial<Record<T, string>>;
  value: number;
}

export interface ScrapeGaugeOptions<T extends string> {
  name: string;
  help: string;
  labelNames?: readonly T[];
  /** Reads the current values; called on every scrape, so it must be cheap (bounded, indexed). */
  read: () => Promise<Reading<T>[]>;
  /** A read slower than this is given up: the scrape answers without this gauge. */
  timeoutMs: number;
  logger: Logger;
  registry: Registry;
}

/**
 * A gauge measured when Prometheus scrapes (lag, backlog) instead of kept up to date
 * by the code: the value is the state of the world at scrape time, and costs nothing
 * between scrapes. A read that fails or times out leaves the gauge empty for that scrape
 * (no stale value). The first failure is logged, and the first read after failures, not
 * every scrape of an outage.
 */
export function scrapeGauge<T extends string>({
  read,
  timeoutMs,
  logger,
  registry,
  ...config
}: ScrapeGaugeOptions<T>): Gauge<T> {
  let failing = false;
  return new Gauge<T>({
    ...config,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const { labels, value } of await withDeadline(read(), timeoutMs)) this.set(labels, value);
        if (failing) logger.info({ metric: config.name }, 'metric read again');
        failing = false;
      } catch (error) {
        if (!failing) logger.warn({ err: error, metric: config.name }, 'metric not read');
        failing = true;
      }
    },
  });
}
