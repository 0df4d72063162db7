import {
  AUTH_EVENTS_STREAM,
  CacheHealth,
  connectMongo,
  createAccessTokenVerifier,
  createLogger,
  createMetricsRegistry,
  createRedis,
  createSubgraphServer,
  ensureIndexes,
  FiguresUpkeep,
  maxTokenLifetimeMs,
  modelOn,
  RevocationList,
  type RunningServer,
} from '@rewardgraph/service-kit';
import { createUserAnalyticsFigures } from './analytics/user-analytics';
import { UserAnalyticsResolver } from './analytics/user-analytics.resolver';
import { type AuthConfig } from './config';
import { JWKS_PATH, mountJwks } from './keys/jwks.route';
import { openSigningKeys } from './keys/signing-keys';
import { LoginRecord } from './logins/login.model';
import { loginAttempts } from './observability/login-attempts';
import { outboxLagGauges } from './observability/outbox-lag';
import { loginSource, outboxSource } from './outbox/auth-outbox';
import { OutboxRecord } from './outbox/outbox.model';
import { OutboxRelay } from './outbox/outbox-relay';
import { AuthRateLimits } from './rate-limit/auth-rate-limits';
import { buildAuthSchema } from './schema';
import { LoginService } from './sessions/login.service';
import { RefreshTokenStore } from './sessions/refresh-token.store';
import { RevocationPublisher } from './sessions/revocation-publisher';
import { SessionResolver } from './sessions/session.resolver';
import { SessionService } from './sessions/session.service';
import { createAccessTokenIssuer } from './tokens/access-token-issuer';
import { UserRecord } from './users/user.model';
import { UserDisplayCache } from './users/user-display-cache';
import { createUserReferenceResolver } from './users/user.reference';
import { UserResolver } from './users/user.resolver';
import { UserService } from './users/user.service';
import { createUserTally, userFigureSource } from './users/user-figures';

/** The composition root of the auth service: every client, service and resolver is built here. */
export async function createAuthApp(config: AuthConfig) {
  const logger = createLogger({ service: 'auth', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const policy = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
  const tokenLifetimeMs = maxTokenLifetimeMs(config.ACCESS_TOKEN_TTL_SECONDS);

  const metrics = createMetricsRegistry('auth');
  const userDb = await connectMongo({ url: config.USER_DB_URL, name: 'user-db', logger, metrics });
  const secureRedis = createRedis({ url: config.SECURE_REDIS_URL, name: 'secure', logger, metrics });
  const bus = createRedis({ url: config.BUS_REDIS_URL, name: 'bus', logger, metrics });
  const keys = await openSigningKeys(config.KEYS_DIR, tokenLifetimeMs, config.KEYS_RELOAD_MS, logger);
  const revocationList = new RevocationList(bus.duplicate(), tokenLifetimeMs, logger);

  const userModel = modelOn(userDb, UserRecord);
  const loginModel = modelOn(userDb, LoginRecord);
  const outboxModel = modelOn(userDb, OutboxRecord);
  const limits = new AuthRateLimits(secureRedis, config);
  const userTally = createUserTally(secureRedis, userDb.name, {
    health: new CacheHealth(
      { name: 'figures', source: 'user-db', bypassMs: 1000, timeoutMs: config.FIGURES_TIMEOUT_MS },
      logger.child({ module: 'figures' }),
      metrics,
    ),
    logger: logger.child({ module: 'figures' }),
  });
  const figuresUpkeep = new FiguresUpkeep(
    [userFigureSource(userModel, userTally)],
    secureRedis,
    { intervalMs: config.FIGURES_UPKEEP_MS, leaseKey: `rg:tally:{${userDb.name}}:upkeep` },
    logger.child({ module: 'figures' }),
  );
  const userDisplays = new UserDisplayCache(secureRedis, {
    database: userDb.name,
    ttlSeconds: config.USER_CACHE_TTL_SECONDS,
    health: new CacheHealth(
      {
        name: 'user_cache',
        source: 'user-db',
        bypassMs: config.USER_CACHE_BYPASS_MS,
        timeoutMs: config.USER_CACHE_TIMEOUT_MS,
      },
      logger.child({ module: 'user-cache' }),
      metrics,
    ),
    registry: metrics,
  });
  const users = new UserService(
    userModel,
    outboxModel,
    secureRedis,
    userTally,
    userDisplays,
    logger.child({ module: 'users' }),
    config.ADMIN_EMAIL,
  );
  const sessions = new SessionService(
    users,
    new RefreshTokenStore(secureRedis, {
      absoluteSeconds: config.REFRESH_ABSOLUTE_TTL_SECONDS,
      idleSeconds: config.REFRESH_IDLE_TTL_SECONDS,
    }),
    createAccessTokenIssuer(keys, policy, config.ACCESS_TOKEN_TTL_SECONDS),
    new RevocationPublisher(bus, tokenLifetimeMs),
    limits,
    logger.child({ module: 'sessions' }),
  );
  const logins = new LoginService(users, sessions, limits, loginModel, loginAttempts(metrics));
  outboxLagGauges({ outbox: outboxModel, logins: loginModel }, logger, metrics);
  const relay = new OutboxRelay(
    [outboxSource(outboxModel, userModel), loginSource(loginModel)],
    bus,
    {
      stream: AUTH_EVENTS_STREAM,
      pollMs: config.OUTBOX_POLL_MS,
      leaseKey: `rg:outbox:{${userDb.name}}:relay`,
    },
    logger.child({ module: 'outbox' }),
  );
  const userAnalytics = createUserAnalyticsFigures(userModel, userTally);
  const resolvers = new Map<unknown, unknown>([
    [UserResolver, new UserResolver(users, sessions, limits)],
    [SessionResolver, new SessionResolver(logins, sessions)],
    [UserAnalyticsResolver, new UserAnalyticsResolver(userAnalytics)],
  ]);

  const schema = await buildAuthSchema(
    { get: (cls) => resolvers.get(cls) },
    {
      User: createUserReferenceResolver(users),
      UserAnalytics: userAnalytics,
    },
    secureRedis,
  );
  const server = await createSubgraphServer({
    schema,
    logger,
    common: config,
    verifyAccessToken: createAccessTokenVerifier(
      keys.getKey,
      { ...policy, ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS },
      revocationList,
    ),
    metrics,
    readiness: {
      'user-db': () => userDb.db!.admin().ping(),
      'redis-secure': () => secureRedis.ping(),
      'redis-bus': () => bus.ping(),
    },
    routes: (app) => mountJwks(app, keys),
    routePaths: [JWKS_PATH],
  });

  let running: RunningServer | undefined;
  return {
    logger,
    async start(): Promise<string> {
      await ensureIndexes(userDb);
      if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
        await users.bootstrapAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
      }
      await revocationList.start();
      relay.start();
      figuresUpkeep.start();
      running = await server.start(config.AUTH_PORT, config.HOST);
      return running.url;
    },
    async stop(): Promise<void> {
      await running?.stop();
      await relay.stop();
      await figuresUpkeep.stop();
      await revocationList.stop();
      keys.close();
      await Promise.allSettled([userDb.close(), secureRedis.quit(), bus.quit()]);
    },
  };
}
