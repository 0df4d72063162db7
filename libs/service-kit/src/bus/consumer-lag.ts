import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { type Registry } from 'prom-client';
import { scrapeGauge } from '../metrics/scrape-gauge';

export interface ConsumerLagOptions {
  redis: Redis;
  stream: string;
  group: string;
  logger: Logger;
  registry: Registry;
}

/** XINFO GROUPS answers each group as a flat list of field, value, field, value… */
const fieldsOf = (flat: unknown[]) =>
  new Map(Array.from({ length: flat.length / 2 }, (_, i) => [String(flat[2 * i]), flat[2 * i + 1]]));

/**
 * How far a consumer group is behind, read at scrape time with one XINFO GROUPS:
 * `rewardgraph_stream_pending_entries` (delivered, not acknowledged: a consumer is slow
 * or died holding them) and `rewardgraph_stream_lag_entries` (in the stream, not yet
 * delivered to anyone: the consumers do not keep up).
 */
export function consumerLagGauges({ redis, stream, group, logger, registry }: ConsumerLagOptions): void {
  const readGroup = async (field: 'pending' | 'lag') => {
    const groups = (await redis.xinfo('GROUPS', stream)) as unknown[][];
    const mine = groups.map(fieldsOf).find((fields) => fields.get('name') === group);
    // No group yet means nothing was ever delivered: no lag to report.
    const value = Number(mine?.get(field) ?? 0);
    return [{ labels: { stream, group }, value }];
  };
  const common = { labelNames: ['stream', 'group'] as const, timeoutMs: 1000, logger, registry };
  scrapeGauge({
    name: 'rewardgraph_stream_pending_entries',
    help: 'Stream entries delivered to the consumer group and not yet acknowledged',
    read: () => readGroup('pending'),
    ...common,
  });
  scrapeGauge({
    name: 'rewardgraph_stream_lag_entries',
    help: 'Stream entries not yet delivered to any consumer of the group',
    read: () => readGroup('lag'),
    ...common,
  });
}
