import { createLocalJWKSet } from 'jose';
import {
  connectMongo,
  createAccessTokenVerifier,
  createLogger,
  createMetricsRegistry,
  createRedis,
  createSubgraphServer,
  ensureIndexes,
  modelOn,
  type RunningServer,
} from '@rewardgraph/service-kit';
import { type AuthConfig } from './config';
import { mountJwks } from './keys/jwks.route';
import { loadSigningKeys } from './keys/signing-keys';
import { buildAuthSchema } from './schema';
import { LoginService } from './sessions/login.service';
import { SessionResolver } from './sessions/session.resolver';
import { createAccessTokenIssuer } from './tokens/access-token-issuer';
import { UserRecord } from './users/user.model';
import { createUserReferenceResolver } from './users/user.reference';
import { UserResolver } from './users/user.resolver';
import { UserService } from './users/user.service';

/** The composition root of the auth service: every client, service and resolver is built here. */
export async function createAuthApp(config: AuthConfig) {
  const logger = createLogger({ service: 'auth', level: config.LOG_LEVEL });
  const policy = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };

  const userDb = await connectMongo({ url: config.USER_DB_URL, name: 'user-db', logger });
  const secureRedis = createRedis({ url: config.SECURE_REDIS_URL, name: 'secure', logger });
  const keys = await loadSigningKeys(config.KEYS_DIR);

  const users = new UserService(modelOn(userDb, UserRecord), logger.child({ module: 'users' }));
  const logins = new LoginService(
    users,
    createAccessTokenIssuer(keys, policy, config.ACCESS_TOKEN_TTL_SECONDS),
  );
  const resolvers = new Map<unknown, unknown>([
    [UserResolver, new UserResolver(users)],
    [SessionResolver, new SessionResolver(logins)],
  ]);

  const schema = await buildAuthSchema(
    { get: (cls) => resolvers.get(cls) },
    { User: createUserReferenceResolver(users) },
  );
  const server = await createSubgraphServer({
    schema,
    logger,
    nodeEnv: config.NODE_ENV,
    verifyAccessToken: createAccessTokenVerifier(createLocalJWKSet(keys.jwks), policy),
    metrics: createMetricsRegistry('auth'),
    readiness: {
      'user-db': () => userDb.db!.admin().ping(),
      'redis-secure': () => secureRedis.ping(),
    },
    routes: (app) => mountJwks(app, keys.jwks),
  });

  let running: RunningServer | undefined;
  return {
    logger,
    async start(): Promise<string> {
      await ensureIndexes(userDb);
      if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
        await users.bootstrapAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
      }
      running = await server.start(config.AUTH_PORT, config.HOST);
      return running.url;
    },
    async stop(): Promise<void> {
      await running?.stop();
      await Promise.allSettled([userDb.close(), secureRedis.quit()]);
    },
  };
}
