import { z } from 'zod';
import { commonEnv, loadConfig, port } from '@rewardgraph/service-kit';

const schema = z.object({
  ...commonEnv,
  EVENTS_PORT: port(3002),
  EVENT_DB_URL: z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27018/rewardgraph_events'),
  DATA_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
  AUTH_JWKS_URL: z.url().default('http://127.0.0.1:3001/.well-known/jwks.json'),
  BUS_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
  /** Must match the auth service's: revocations are remembered as long as a token may live. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
  /** Name in the "events" consumer group; keep it stable across restarts so pending entries come back. */
  BUS_CONSUMER_NAME: z.string().min(1).optional(),
  READ_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
});

export type EventsConfig = z.infer<typeof schema>;

export const readEventsConfig = (env: NodeJS.ProcessEnv = process.env): EventsConfig =>
  loadConfig(schema, env);
