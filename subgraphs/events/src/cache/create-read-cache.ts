import { BentoCache, bentostore } from 'bentocache';
import { type CacheDriver } from 'bentocache/types';
import {
  cacheEncoding,
  counterOn,
  type CacheHealth,
  type Registry,
  type ResponseGeneration,
} from '@rewardgraph/service-kit';
import { ReadCache } from './read-cache';
import { ReportingDriver } from './reporting-driver';

/**
 * bentocache with one layer: the data Redis in production (bentocache's RedisDriver on
 * a client with a command timeout). No in-process L1: every instance reads and
 * invalidates the same entries, so a write is seen by all of them at once, with no bus
 * message to lose. Entries are written with the lossless `cacheEncoding`.
 */
export function createReadCache(
  layer: CacheDriver,
  {
    ttlSeconds,
    health,
    responses,
    registry,
  }: {
    ttlSeconds: number;
    health: CacheHealth;
    responses: Pick<ResponseGeneration, 'replace'>;
    registry: Registry;
  },
): ReadCache {
  const lookups = counterOn(registry, {
    name: 'read_cache_lookups_total',
    help: 'Reads of the read cache in Redis, by result: hit (served from Redis) or miss (loaded from event-db)',
    labelNames: ['result'],
  });
  for (const result of ['hit', 'miss']) lookups.inc({ result }, 0);
  const store = bentostore({ ttl: ttlSeconds * 1000, grace: false, suppressL2Errors: true }).useL2Layer({
    options: {},
    factory: () => new ReportingDriver(layer, health, lookups),
  });
  const bento = new BentoCache({ default: 'reads', stores: { reads: store }, serializer: cacheEncoding });
  return new ReadCache(bento.use(), health, responses, ttlSeconds * 1000);
}
