import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Latency buckets in seconds, from a cache hit (1 ms) to the gateway's subgraph deadline. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Config<T extends string> = { name: string; help: string; labelNames?: readonly T[] };

/**
 * The metric of that name on the registry, made on first use: helpers that several
 * clients of one service call (one per Redis client, say) share one series family
 * instead of failing on a second registration.
 */
function metricOn<M>(registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}

export const counterOn = <T extends string>(registry: Registry, config: Config<T>) =>
  metricOn(registry, config.name, () => new Counter<T>({ ...config, registers: [registry] }));

export const gaugeOn = <T extends string>(registry: Registry, config: Config<T>) =>
  metricOn(registry, config.name, () => new Gauge<T>({ ...config, registers: [registry] }));

export const histogramOn = <T extends string>(registry: Registry, config: Config<T>) =>
  metricOn(
    registry,
    config.name,
    () => new Histogram<T>({ ...config, buckets: LATENCY_BUCKETS, registers: [registry] }),
  );

/** Seconds since `started` (a `performance.now()` reading). */
export const secondsSince = (started: number) => (performance.now() - started) / 1000;

/** The types a service names when it adds metrics of its own. */
export type { Counter, Gauge, Histogram, Registry } from 'prom-client';
