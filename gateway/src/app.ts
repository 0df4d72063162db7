import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type Request, type Response } from 'express';
import cors from 'cors';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import {
  apolloDefaults,
  CacheHealth,
  COMMON_ROUTES,
  createExpressApp,
  DependencyProbe,
  graphqlMetricsPlugin,
  httpMetrics,
  graphqlBody,
  httpErrors,
  createLogger,
  createMetricsRegistry,
  createRedis,
  createRemoteVerification,
  listen,
  mountHealth,
  mountMetrics,
  operationLogPlugin,
  queryArmor,
  requestIdMiddleware,
} from '@rewardgraph/service-kit';
import { earlyAuthPlugin } from './auth/early-auth.plugin';
import { callerOf, identifyCallerMiddleware } from './auth/identify-caller';
import { readRootFieldRules } from './auth/root-field-rules';
import { type GatewayConfig } from './config';
import { explorerServed, mountExplorer } from './explorer/explorer';
import { type GatewayContext } from './gateway-context';
import { clientRateLimit } from './rate-limit/client-rate-limit';
import { withLoadShedding } from './rate-limit/load-shedding';
import { rateLimitedCounter } from './rate-limit/rate-limited-counter';
import { ResponseCache } from './response-cache/response-cache';
import { responseCachePlugin } from './response-cache/response-cache.plugin';
import { serveCachedResponses } from './response-cache/serve-cached-responses';
import { readRefreshCookie } from './sessions/refresh-cookie';
import { createDataSourceFactory } from './subgraphs/forwarding-data-source';
import { mountSubgraphHealth, subgraphChecks } from './subgraphs/subgraph-health';

/** A dependency that does not answer its probe within this counts as down. */
const PROBE_TIMEOUT_MS = 2000;

/** The composition root of the gateway. */
export async function createGatewayApp(config: GatewayConfig) {
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  const metrics = createMetricsRegistry('gateway');
  const bus = createRedis({ url: config.BUS_REDIS_URL, name: 'bus', logger, metrics });
  const dataRedis = createRedis({ url: config.DATA_REDIS_URL, name: 'data', logger, metrics });
  const cacheRedis = createRedis({
    url: config.DATA_REDIS_URL,
    name: 'response-cache',
    logger,
    metrics,
  });
  const responseCache =
    config.RESPONSE_CACHE_ENABLED &&
    new ResponseCache(
      cacheRedis,
      new CacheHealth(
        {
          name: 'response_cache',
          source: 'subgraphs',
          bypassMs: config.RESPONSE_CACHE_BYPASS_MS,
          timeoutMs: config.RESPONSE_CACHE_TIMEOUT_MS,
        },
        logger.child({ module: 'response-cache' }),
        metrics,
      ),
      [config.AUTH_URL, config.EVENTS_URL],
      metrics,
    );
  const { verify: verifyAccessToken, revocations } = createRemoteVerification({
    jwksUrl: config.AUTH_JWKS_URL,
    policy: { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    bus,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    logger,
  });
  // Depth, cost, alias, directive and token limits on every operation, before planning.
  const armor = queryArmor(config, 'gateway');

  const endpoints = { auth: config.AUTH_URL, events: config.EVENTS_URL };
  // @apollo/gateway otherwise probes cloud metadata endpoints at start and sends usage
  // metrics to Apollo's servers every minute; the environment is its only switch.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: createDataSourceFactory({
      endpoints,
      timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
      maxSockets: config.SUBGRAPH_MAX_SOCKETS,
      cookieSecure: config.COOKIE_SECURE,
      signingSecret: config.SUBGRAPH_SIGNING_SECRET,
      metrics,
    }),
    logger: logger.child({ module: 'apollo-gateway' }),
  });

  const app = createExpressApp();
  app.set('trust proxy', config.TRUST_PROXY);
  const refused = rateLimitedCounter(metrics);
  const httpServer = createServer(
    withLoadShedding(app, {
      maxInFlight: config.GATEWAY_MAX_IN_FLIGHT,
      retryAfterSeconds: 1,
      path: '/graphql',
      origins: config.CORS_ORIGINS,
      onShed: () => refused.inc({ limit: 'load_shedding' }),
    }),
  );
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...armor,
    ...apolloDefaults(logger, config.NODE_ENV),
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The policy of each response, from the subgraphs' Cache-Control headers; not sent to clients.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...(responseCache ? [responseCachePlugin(responseCache)] : []),
      // Apollo's Sandbox loads from a CDN (blank offline); the explorer is served from here instead.
      ApolloServerPluginLandingPageDisabled(),
      earlyAuthPlugin(readRootFieldRules(supergraphSdl)),
      operationLogPlugin(logger),
      graphqlMetricsPlugin(metrics),
    ],
  });

  const context = async ({ req, res }: { req: Request; res: Response }): Promise<GatewayContext> => ({
    requestId: String(res.locals.requestId),
    clientIp: req.ip ?? 'unknown',
    authorization: req.header('authorization'),
    refreshToken: readRefreshCookie(req),
    res,
    subgraphAnswers: { fetches: 0, generations: [] },
    ...callerOf(res),
  });

  // Ready means this gateway can serve: its own Redis answers. A subgraph's outage is not
  // the gateway's: every gateway would fail it at once, and a balancer would drop them all
  // while what the other subgraphs serve still works. Subgraphs are probed on their own.
  const ownDependencies = { 'redis-bus': () => bus.ping(), 'redis-data': () => dataRedis.ping() };
  const probe = new DependencyProbe({
    checks: { ...ownDependencies, ...subgraphChecks(endpoints, PROBE_TIMEOUT_MS) },
    intervalMs: config.DEPENDENCY_PROBE_MS,
    timeoutMs: PROBE_TIMEOUT_MS,
    logger,
    registry: metrics,
  });
  app.use(httpMetrics(metrics, [...COMMON_ROUTES, '/health/subgraphs', '/explorer']));
  app.use(requestIdMiddleware);
  mountHealth(app, ownDependencies, logger);
  mountSubgraphHealth(app, probe);
  mountMetrics(app, metrics);
  const explorer = explorerServed(config.NODE_ENV) && mountExplorer(app, config.EXPLORER_DIR, logger);

  let stopServer: (() => Promise<void>) | undefined;
  return {
    logger,
    async start(): Promise<string> {
      await revocations.start();
      await apollo.start();
      await probe.start();
      app.use(
        '/graphql',
        cors({ origin: config.CORS_ORIGINS, credentials: true }),
        identifyCallerMiddleware(verifyAccessToken),
        clientRateLimit(
          dataRedis,
          { perUser: config.GATEWAY_LIMIT_PER_USER, perIp: config.GATEWAY_LIMIT_PER_IP },
          refused,
        ),
        ...graphqlBody,
        ...(responseCache ? [serveCachedResponses(responseCache)] : []),
        expressMiddleware(apollo, { context }),
      );
      app.use(httpErrors);
      const url = await listen(httpServer, config.GATEWAY_PORT, config.HOST);
      logger.info(
        { url: `${url}/graphql`, ...(explorer && { explorer: `${url}/explorer/` }) },
        'gateway listening',
      );
      stopServer = () => apollo.stop();
      return url;
    },
    async stop(): Promise<void> {
      await stopServer?.();
      await probe.stop();
      await revocations.stop();
      await Promise.allSettled([bus.quit(), dataRedis.quit(), cacheRedis.quit()]);
    },
  };
}
