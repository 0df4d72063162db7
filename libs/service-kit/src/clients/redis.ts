import { Redis } from 'ioredis';
import { type Logger } from 'pino';
import { type Registry } from 'prom-client';
import { instrumentRedis } from '../metrics/redis-metrics';

export interface RedisOptions {
  url: string;
  /** Label used in logs and as the client name, e.g. "data" or "secure". */
  name: string;
  logger: Logger;
  /** The service's registry: its commands' latency is recorded there (redis_command_duration_seconds). */
  metrics?: Registry;
}

/** A labelled client that retries with a capped back-off and logs its connection state. */
export function createRedis({ url, name, logger, metrics }: RedisOptions): Redis {
  const log = logger.child({ dependency: `redis-${name}` });
  const redis = new Redis(url, {
    connectionName: `rewardgraph-${name}`,
    maxRetriesPerRequest: 2,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // Commands issued in the same tick leave in one write: under load, socket writes are
    // what costs (one round trip for many callers instead of one each).
    enableAutoPipelining: true,
  });
  if (metrics) instrumentRedis(redis, name, metrics);
  redis.on('ready', () => log.info('redis ready'));
  redis.on('reconnecting', () => log.warn('redis reconnecting'));
  redis.on('error', (err) => log.error({ err }, 'redis error'));
  return redis;
}
