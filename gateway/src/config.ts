import { join } from 'node:path';
import { z } from 'zod';
import { commonEnv, commonRules, loadConfig, port } from '@rewardgraph/service-kit';

const origins = z
  .string()
  .default('http://localhost:5173,http://127.0.0.1:5173')
  .transform((list) =>
    list
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  );

/** A request ceiling, "points/seconds" (e.g. 600/60). */
const clientLimit = (fallback: string) =>
  z
    .string()
    .regex(/^\d+\/\d+$/, 'expected "points/seconds", e.g. 600/60')
    .default(fallback)
    .transform((v) => ({ points: Number(v.split('/')[0]), seconds: Number(v.split('/')[1]) }));

const schema = z
  .object({
    ...commonEnv,
    GATEWAY_PORT: port(3333),
    AUTH_URL: z.url().default('http://127.0.0.1:3001/graphql'),
    EVENTS_URL: z.url().default('http://127.0.0.1:3002/graphql'),
    AUTH_JWKS_URL: z.url().default('http://127.0.0.1:3001/.well-known/jwks.json'),
    SUPERGRAPH_PATH: z.string().default(join(__dirname, '..', '..', 'schema', 'supergraph.graphql')),
    /** GraphiQL's prebuilt files (the explorer package's build), served in development only. */
    EXPLORER_DIR: z.string().default(join(__dirname, '..', '..', 'explorer', 'dist')),
    CORS_ORIGINS: origins,
    /**
     * The longest wait for a subgraph's answer; past it, its part of the operation is
     * SERVICE_UNAVAILABLE and the rest is answered (docs/architecture.md).
     */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Above the subgraphs' admission (concurrency + queue), so overload is answered where the work is. */
    SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).default(1024),
    BUS_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
    /** Must match the auth service's: revocations are remembered as long as a token may live. */
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
    /** Express "trust proxy": which hops may set X-Forwarded-For (the client IP rate limits use). */
    TRUST_PROXY: z.string().default('loopback'),
    /** Off only for plain-http localhost; browsers drop Secure cookies there. */
    COOKIE_SECURE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    DATA_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
    /** Requests in progress at once; more are answered 503 RATE_LIMITED at once (see docs/performance.md). */
    GATEWAY_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(32),
    /** Requests per signed-in user, from any address, "points/seconds". */
    GATEWAY_LIMIT_PER_USER: clientLimit('600/60'),
    /** Anonymous requests (no token, or a refused one) per client address, "points/seconds". */
    GATEWAY_LIMIT_PER_IP: clientLimit('600/60'),
    /** Whole responses of cacheable queries in the data Redis (docs/architecture.md). */
    RESPONSE_CACHE_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** A response cache command slower than this counts as failed: the query runs as if missed. */
    RESPONSE_CACHE_TIMEOUT_MS: z.coerce.number().int().min(1).default(50),
    /** After a failure, the response cache is skipped for this long. */
    RESPONSE_CACHE_BYPASS_MS: z.coerce.number().int().min(0).default(1000),
  })
  .superRefine(commonRules);

export type GatewayConfig = z.infer<typeof schema>;

export const readGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig =>
  loadConfig(schema, env);
