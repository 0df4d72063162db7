import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { Registry } from 'prom-client';
import { CacheHealth, Role, type Identity } from '@rewardgraph/service-kit';
import { ResponseCache } from './response-cache';

/** A real Redis (scripts/infra/up.sh starts it): two deployments share it, as they may in production. */
const REDIS_URL = process.env.RESPONSE_CACHE_SPEC_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const URLS = ['http://auth:4001/graphql', 'http://events:4002/graphql'];
const player: Identity = { userId: 'u1', roles: [Role.USER] };
const body = { query: '{ events(first: 5) { totalCount } }' };

describe('the response cache', () => {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  afterAll(() => redis.quit());

  /** A gateway's cache: same subgraph URLs for every deployment here, as with shared service names. */
  const gateway = () =>
    new ResponseCache(
      redis,
      new CacheHealth(
        { name: 'response_cache', source: 'subgraphs', bypassMs: 1000, timeoutMs: 500 },
        pino({ level: 'silent' }),
        new Registry(),
      ),
      URLS,
      new Registry(),
    );

  /** A subgraph database's response version, set in Redis as the subgraph keeps it. */
  const database = async () => {
    const key = `rg:cache:spec_${randomUUID()}:responses`;
    const version = randomUUID();
    await redis.set(key, version, 'EX', 60);
    return `${key}=${version}`;
  };

  it('when a gateway stores an answer its subgraph reported, then it serves it while the version holds', async () => {
    const cache = gateway();
    const generation = await database();
    const key = cache.keyFor(player, { ...body, id: randomUUID() });

    cache.learn(generation);
    await cache.store(key, [generation], '{"data":{}}\n', 30);

    expect(await cache.lookup(key)).toBe('{"data":{}}\n');
  });

  it('when another deployment with the same subgraph URLs kept an answer in the shared Redis, then this gateway does not serve it until its own subgraphs report that version', async () => {
    const [theirs, ours] = [gateway(), gateway()];
    const [theirDatabase, ourDatabase] = [await database(), await database()];
    const request = { ...body, id: randomUUID() };
    const key = ours.keyFor(player, request);
    expect(theirs.keyFor(player, request)).toBe(key);

    theirs.learn(theirDatabase);
    await theirs.store(key, [theirDatabase], '{"data":{"theirs":true}}\n', 30);
    ours.learn(ourDatabase);

    expect(await theirs.lookup(key)).toBe('{"data":{"theirs":true}}\n');
    expect(await ours.lookup(key)).toBeNull();
  });
});
