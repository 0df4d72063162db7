import { createRemoteJWKSet } from 'jose';
import {
  connectMongo,
  createAccessTokenVerifier,
  createLogger,
  createMetricsRegistry,
  createRedis,
  createSubgraphServer,
  ensureIndexes,
  modelOn,
  RevocationList,
  type RunningServer,
} from '@rewardgraph/service-kit';
import { type EventsConfig } from './config';
import { EventRecord } from './events/event.model';
import { EventResolver } from './events/event.resolver';
import { EventService } from './events/event.service';
import { RewardRequestRecord } from './requests/request.model';
import { RequestService } from './requests/request.service';
import { buildEventsSchema } from './schema';
import { UserResolver } from './users/user.resolver';

/** The composition root of the events service: every client, service and resolver is built here. */
export async function createEventsApp(config: EventsConfig) {
  const logger = createLogger({ service: 'events', level: config.LOG_LEVEL });

  const eventDb = await connectMongo({ url: config.EVENT_DB_URL, name: 'event-db', logger });
  const dataRedis = createRedis({ url: config.DATA_REDIS_URL, name: 'data', logger });
  const bus = createRedis({ url: config.BUS_REDIS_URL, name: 'bus', logger });
  const revocations = new RevocationList(
    bus.duplicate(),
    (config.ACCESS_TOKEN_TTL_SECONDS + 60) * 1000,
    logger,
  );
  // Keys are fetched on first use and re-fetched when a token names an unknown kid.
  const jwks = createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), {
    cooldownDuration: 30_000,
    cacheMaxAge: 600_000,
  });

  const events = new EventService(modelOn(eventDb, EventRecord));
  const requests = new RequestService(modelOn(eventDb, RewardRequestRecord));
  const resolvers = new Map<unknown, unknown>([
    [EventResolver, new EventResolver(events)],
    [UserResolver, new UserResolver(requests)],
  ]);

  const schema = await buildEventsSchema({ get: (cls) => resolvers.get(cls) });
  const server = await createSubgraphServer({
    schema,
    logger,
    nodeEnv: config.NODE_ENV,
    verifyAccessToken: createAccessTokenVerifier(
      jwks,
      { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
      revocations,
    ),
    metrics: createMetricsRegistry('events'),
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
      running = await server.start(config.EVENTS_PORT, config.HOST);
      return running.url;
    },
    async stop(): Promise<void> {
      await running?.stop();
      await revocations.stop();
      await Promise.allSettled([eventDb.close(), dataRedis.quit(), bus.quit()]);
    },
  };
}
