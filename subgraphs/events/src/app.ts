import { hostname } from 'node:os';
import { RedisDriver } from 'bentocache/drivers/redis';
import {
  AUTH_EVENTS_STREAM,
  CacheHealth,
  connectMongo,
  consumerLagGauges,
  createLogger,
  createMetricsRegistry,
  createRedis,
  createRemoteVerification,
  createSubgraphServer,
  ensureIndexes,
  FiguresUpkeep,
  modelOn,
  ResponseGeneration,
  type RunningServer,
} from '@rewardgraph/service-kit';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { AnalyticsService } from './analytics/analytics.service';
import { type UserAnalyticsKey } from './analytics/analytics.types';
import { CatalogCopy } from './analytics/catalog-copy';
import { createReadCache } from './cache/create-read-cache';
import { type EventsConfig } from './config';
import { EventRewardRecord } from './event-rewards/event-reward.model';
import { EventRewardResolver } from './event-rewards/event-reward.resolver';
import { EventRewardService } from './event-rewards/event-reward.service';
import { EventRecord } from './events/event.model';
import { EventResolver } from './events/event.resolver';
import { EventService } from './events/event.service';
import { createLoaders } from './loaders';
import { ActivityResolver } from './metrics/activity.resolver';
import { AuthEventsConsumer } from './metrics/auth-events.consumer';
import { ActivityRecord, LoginDayRecord, ProcessedBusEventRecord } from './metrics/metric.model';
import { MetricService } from './metrics/metric.service';
import { crashHook } from './faults/crash-points';
import { recoveryBacklogGauge } from './observability/recovery-backlog';
import { RewardOutcomes } from './observability/reward-outcomes';
import { PayoutRecord } from './payouts/payout.model';
import { PayoutService } from './payouts/payout.service';
import { WalletSnapshotRecord } from './payouts/wallet.model';
import { Admission } from './requests/admission';
import { ClaimRecord, ReviewRecord, StockSlotRecord } from './requests/grant.model';
import { GrantCounts } from './requests/grant-counts';
import { GrantService } from './requests/grant.service';
import { RecoveryWorker } from './requests/recovery.worker';
import { RewardRequestRecord } from './requests/request.model';
import { RequestRewardService } from './requests/request-reward.service';
import { RequestChanges } from './requests/request-changes';
import { RequestLists } from './requests/request-lists';
import { RequestSettlement } from './requests/request-settlement';
import { UnitAllocator } from './requests/unit-allocator';
import { RequestResolver } from './requests/request.resolver';
import { RequestService } from './requests/request.service';
import { createMetricFigures, metricFigureSource } from './figures/metric-figures';
import { createRequestFigures, requestFigureSource } from './figures/request-figures';
import { ReviewService } from './requests/review.service';
import { rewardModelsOn } from './rewards/reward.model';
import { CouponCodeResolver } from './rewards/coupon-code.resolver';
import { RewardResolver } from './rewards/reward.resolver';
import { RewardService } from './rewards/reward.service';
import { buildEventsSchema } from './schema';
import { UserResolver } from './users/user.resolver';

/** The composition root of the events service: every client, service and resolver is built here. */
export async function createEventsApp(config: EventsConfig) {
  const logger = createLogger({ service: 'events', level: config.LOG_LEVEL, format: config.LOG_FORMAT });

  const registry = createMetricsRegistry('events');
  const eventDb = await connectMongo({
    url: config.EVENT_DB_URL,
    name: 'event-db',
    logger,
    metrics: registry,
  });
  const dataRedis = createRedis({ url: config.DATA_REDIS_URL, name: 'data', logger, metrics: registry });
  const cacheRedis = createRedis({
    url: config.DATA_REDIS_URL,
    name: 'cache',
    logger,
    metrics: registry,
  });
  const bus = createRedis({ url: config.BUS_REDIS_URL, name: 'bus', logger, metrics: registry });
  const { verify: verifyAccessToken, revocations } = createRemoteVerification({
    jwksUrl: config.AUTH_JWKS_URL,
    policy: { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    bus,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    logger,
  });

  const models = {
    events: modelOn(eventDb, EventRecord),
    eventRewards: modelOn(eventDb, EventRewardRecord),
    rewards: rewardModelsOn(eventDb),
    requests: modelOn(eventDb, RewardRequestRecord),
    claims: modelOn(eventDb, ClaimRecord),
    slots: modelOn(eventDb, StockSlotRecord),
    reviews: modelOn(eventDb, ReviewRecord),
    payouts: modelOn(eventDb, PayoutRecord),
    wallets: modelOn(eventDb, WalletSnapshotRecord),
    loginDays: modelOn(eventDb, LoginDayRecord),
    activities: modelOn(eventDb, ActivityRecord),
    processed: modelOn(eventDb, ProcessedBusEventRecord),
  };
  const crash = crashHook(config.FAULT_CRASH_AFTER);
  const admission = new Admission({
    concurrency: config.MONEY_PATH_CONCURRENCY,
    queue: config.MONEY_PATH_QUEUE,
    maxWaitMs: config.MONEY_PATH_MAX_WAIT_MS,
  });
  const outcomes = new RewardOutcomes(registry);
  const cacheHealth = new CacheHealth(
    {
      name: 'read_cache',
      source: 'event-db',
      bypassMs: config.READ_CACHE_BYPASS_MS,
      timeoutMs: config.READ_CACHE_TIMEOUT_MS,
    },
    logger.child({ module: 'cache' }),
    registry,
  );
  // Cache entries belong to the database they copy: a Redis shared by several deployments keeps them apart.
  const cachePrefix = `rg:cache:${eventDb.name}`;
  const responses = new ResponseGeneration(cacheRedis, `${cachePrefix}:responses`, cacheHealth);
  const cache = createReadCache(new RedisDriver({ connection: cacheRedis, prefix: cachePrefix }), {
    ttlSeconds: config.READ_CACHE_TTL_SECONDS,
    health: cacheHealth,
    responses,
    registry,
  });
  // Figures kept in Redis as data is written: counts and distinct users without reading the collections.
  const figuresHealth = new CacheHealth(
    {
      name: 'figures',
      source: 'event-db',
      bypassMs: config.READ_CACHE_BYPASS_MS,
      timeoutMs: config.FIGURES_TIMEOUT_MS,
    },
    logger.child({ module: 'figures' }),
    registry,
  );
  const requestFigures = createRequestFigures(dataRedis, eventDb.name, {
    health: figuresHealth,
    logger: logger.child({ module: 'figures' }),
  });
  const metricFigures = createMetricFigures(dataRedis, eventDb.name, figuresHealth);
  const allocator = new UnitAllocator(dataRedis, logger.child({ module: 'units' }));
  const grantCounts = new GrantCounts(models.claims, models.slots, cache);
  const grants = new GrantService(models.claims, models.slots, allocator, grantCounts);
  const events = new EventService(models.events, cache);
  const rewards = new RewardService(models.rewards, models.eventRewards, cache);
  const eventRewards = new EventRewardService(models.eventRewards, grants, events, rewards, cache);
  const requestLists = new RequestLists(cache);
  const requestChanges = new RequestChanges(requestFigures.tally, requestLists);
  const requests = new RequestService(models.requests, requestFigures.tally, requestLists);
  const metrics = new MetricService(models.loginDays, models.activities, metricFigures);
  const payouts = new PayoutService(
    models.payouts,
    models.wallets,
    logger.child({ module: 'wallets' }),
    outcomes,
  );
  const settlement = new RequestSettlement(
    models.requests,
    grants,
    rewards,
    payouts,
    requestChanges,
    crash,
    outcomes,
  );
  const rewarding = new RequestRewardService(
    models.requests,
    events,
    eventRewards,
    metrics,
    grants,
    settlement,
    admission,
    requestFigures.participants,
    requestChanges,
    crash,
    outcomes,
  );
  const reviews = new ReviewService(
    models.requests,
    models.reviews,
    eventRewards,
    grants,
    rewards,
    payouts,
    admission,
    requestChanges,
    crash,
    outcomes,
  );
  const recovery = new RecoveryWorker(
    models.requests,
    models.reviews,
    eventRewards,
    grants,
    payouts,
    settlement,
    reviews,
    dataRedis,
    { intervalMs: config.RECOVERY_INTERVAL_MS, graceMs: config.RECOVERY_GRACE_MS },
    logger.child({ module: 'recovery' }),
  );
  const figuresUpkeep = new FiguresUpkeep(
    [
      requestFigureSource(models.requests, requestFigures, requestLists, config.RECOVERY_GRACE_MS),
      metricFigureSource(models.loginDays, models.activities, metricFigures),
    ],
    dataRedis,
    { intervalMs: config.RECOVERY_INTERVAL_MS, leaseKey: `rg:tally:{${eventDb.name}}:upkeep` },
    logger.child({ module: 'figures' }),
  );
  recoveryBacklogGauge(models.requests, config.RECOVERY_GRACE_MS, logger, registry);
  const analytics = new AnalyticsService(
    models,
    { requests: requestFigures, metrics: metricFigures },
    new CatalogCopy(models.events, models.eventRewards, models.rewards.base, responses),
  );
  const loaders = createLoaders({ events, rewards, eventRewards, grantCounts, payouts, requests });
  const consumer = new AuthEventsConsumer({
    redis: bus.duplicate(),
    stream: AUTH_EVENTS_STREAM,
    group: 'events',
    // Unique among live consumers; BUS_CONSUMER_NAME (a pod's name) also keeps it across restarts.
    consumer: config.BUS_CONSUMER_NAME ?? `events-${hostname()}-${process.pid}`,
    claimIdleMs: config.BUS_CLAIM_IDLE_MS,
    metrics,
    processed: models.processed,
    logger: logger.child({ module: 'auth-events' }),
  });
  consumerLagGauges({ redis: bus, stream: AUTH_EVENTS_STREAM, group: 'events', logger, registry });

  const resolvers = new Map<unknown, unknown>([
    [EventResolver, new EventResolver(events, eventRewards, reviews, loaders, responses)],
    [EventRewardResolver, new EventRewardResolver(eventRewards, reviews, loaders)],
    [RewardResolver, new RewardResolver(rewards)],
    [CouponCodeResolver, new CouponCodeResolver()],
    [RequestResolver, new RequestResolver(requests, rewarding, reviews, loaders)],
    [ActivityResolver, new ActivityResolver(metrics)],
    [AnalyticsResolver, new AnalyticsResolver(analytics)],
    [UserResolver, new UserResolver(loaders)],
  ]);

  const schema = await buildEventsSchema(
    { get: (cls) => resolvers.get(cls) },
    {
      // The key's dates arrive as Dates: representations are coerced by the schema first.
      UserAnalytics: (reference: UserAnalyticsKey) => reference,
    },
    dataRedis,
  );
  const server = await createSubgraphServer({
    schema,
    logger,
    common: config,
    verifyAccessToken,
    metrics: registry,
    readiness: {
      'event-db': () => eventDb.db!.admin().ping(),
      'redis-data': () => dataRedis.ping(),
      'redis-bus': () => bus.ping(),
    },
  });

  let running: RunningServer | undefined;
  return {
    logger,
    async start(): Promise<string> {
      await ensureIndexes(eventDb);
      await revocations.start();
      await consumer.start();
      await recovery.start();
      figuresUpkeep.start();
      running = await server.start(config.EVENTS_PORT, config.HOST);
      return running.url;
    },
    async stop(): Promise<void> {
      await running?.stop();
      await recovery.stop();
      await figuresUpkeep.stop();
      await consumer.stop();
      await revocations.stop();
      await Promise.allSettled([eventDb.close(), dataRedis.quit(), cacheRedis.quit(), bus.quit()]);
    },
  };
}
