import { createServer } from 'node:http';
import { type Express, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { type GraphQLSchema } from 'graphql';
import { type Logger } from 'pino';
import { type Registry } from 'prom-client';
import { type AccessTokenVerifier } from '../auth/access-token';
import { identifyCaller } from '../auth/caller';
import { type ServiceContext } from '../auth/service-context';
import { type CommonConfig } from '../config/load-config';
import { queryArmor } from '../graphql/query-limits';
import { apolloDefaults } from '../http/apollo-defaults';
import { graphqlBody, httpErrors } from '../http/http-errors';
import { createExpressApp } from '../http/express-app';
import { mountHealth, type ReadinessCheck } from '../http/health';
import { listen } from '../http/listen';
import { mountMetrics } from '../http/metrics';
import { requestIdMiddleware } from '../http/request-id';
import { operationLogPlugin } from '../logging/operation-log.plugin';
import { DependencyProbe } from '../metrics/dependency-probe';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import { COMMON_ROUTES, httpMetrics } from '../metrics/http-metrics';
import { type ForwardedCaller, forwardedContextGuard, serviceSdlOnlyToGateway } from '../trust/gateway-only';

export interface SubgraphServerOptions {
  schema: GraphQLSchema;
  logger: Logger;
  verifyAccessToken: AccessTokenVerifier;
  /** Each dependency's check: for `/health/ready` and for `rewardgraph_dependency_up`. */
  readiness: Record<string, ReadinessCheck>;
  metrics: Registry;
  /** The settings every service reads: environment, query limits, the gateway's signing secret. */
  common: CommonConfig;
  /** Extra HTTP routes of this service (the auth service's JWKS, for one). */
  routes?: (app: Express) => void;
  /** Their paths, for the route label of the HTTP metrics. */
  routePaths?: string[];
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves a subgraph: `/graphql`, health, metrics, with request ids and verified identities.
 * It trusts nobody on the network: forwarded context only with the gateway's signature,
 * the gateway's query limits, and in production its SDL only to the gateway.
 */
export async function createSubgraphServer(options: SubgraphServerOptions) {
  const { logger, verifyAccessToken, common } = options;
  const schema = common.NODE_ENV === 'production' ? serviceSdlOnlyToGateway(options.schema) : options.schema;
  const armor = queryArmor(common, 'subgraph');
  const app = createExpressApp();
  const httpServer = createServer(app);

  const apollo = new ApolloServer<ServiceContext>({
    schema,
    ...armor,
    ...apolloDefaults(logger, common.NODE_ENV),
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Field traces would cost every request; metrics come from Prometheus instead.
      ApolloServerPluginInlineTraceDisabled(),
      operationLogPlugin(logger),
      graphqlMetricsPlugin(options.metrics),
    ],
  });
  const probe = new DependencyProbe({
    checks: options.readiness,
    intervalMs: common.DEPENDENCY_PROBE_MS,
    timeoutMs: 2000,
    logger,
    registry: options.metrics,
  });

  const context = async ({ req, res }: { req: Request; res: Response }): Promise<ServiceContext> => {
    const requestId = String(res.locals.requestId);
    const { clientIp, fromGateway } = res.locals.forwarded as ForwardedCaller;
    const base = {
      requestId,
      clientIp,
      fromGateway,
      logger: logger.child({ requestId }),
      http: {
        header: (name: string) => req.header(name),
        setHeader: (name: string, value: string) => res.setHeader(name, value),
      },
    };
    return { ...base, ...(await identifyCaller(req.header('authorization'), verifyAccessToken)) };
  };

  app.use(httpMetrics(options.metrics, [...COMMON_ROUTES, ...(options.routePaths ?? [])]));
  app.use(requestIdMiddleware);
  mountHealth(app, options.readiness, logger);
  mountMetrics(app, options.metrics);
  options.routes?.(app);

  return {
    async start(port: number, host: string): Promise<RunningServer> {
      await apollo.start();
      await probe.start();
      app.use(
        '/graphql',
        forwardedContextGuard(common.SUBGRAPH_SIGNING_SECRET, logger),
        ...graphqlBody,
        expressMiddleware(apollo, { context }),
      );
      app.use(httpErrors);
      const url = await listen(httpServer, port, host);
      logger.info({ url }, 'subgraph listening');
      return {
        url,
        stop: async () => {
          await apollo.stop();
          await probe.stop();
        },
      };
    },
  };
}
