import { z } from 'zod';
import { commonEnv, commonRules, loadConfig, port } from '@rewardgraph/service-kit';
import { CRASH_POINTS } from './faults/crash-points';

const schema = z
  .object({
    ...commonEnv,
    EVENTS_PORT: port(3002),
    EVENT_DB_URL: z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27018/rewardgraph_events'),
    DATA_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
    AUTH_JWKS_URL: z.url().default('http://127.0.0.1:3001/.well-known/jwks.json'),
    BUS_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
    /** Must match the auth service's: revocations are remembered as long as a token may live. */
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
    /** Name in the "events" consumer group (default events-<hostname>-<pid>); one per instance, stable across its restarts so pending entries come back. */
    BUS_CONSUMER_NAME: z.string().min(1).optional(),
    /** How long an auth event may wait unacknowledged with a consumer before another takes it over (XAUTOCLAIM). */
    BUS_CLAIM_IDLE_MS: z.coerce.number().int().min(1000).default(60_000),
    READ_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Longest wait for the read cache's Redis on one operation; past it the read goes to event-db. */
    READ_CACHE_TIMEOUT_MS: z.coerce.number().int().min(1).max(5000).default(50),
    /** After a cache failure, reads skip the cache this long (and the failure is logged at most this often). */
    READ_CACHE_BYPASS_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    /**
     * Longest wait for the figures kept in Redis (request totals, analytics) before a read
     * counts in event-db instead; longer than the cache's, since counting reads whole collections.
     */
    FIGURES_TIMEOUT_MS: z.coerce.number().int().min(1).max(5000).default(500),
    /** Money-path operations (requestReward, reviews) decided at once; the rest wait in line. */
    MONEY_PATH_CONCURRENCY: z.coerce.number().int().min(1).default(32),
    /** How many may wait in line; beyond it a caller is told RATE_LIMITED at once. */
    MONEY_PATH_QUEUE: z.coerce.number().int().min(0).default(512),
    /** Longest wait in line before RATE_LIMITED, so every caller gets an answer in bounded time. */
    MONEY_PATH_MAX_WAIT_MS: z.coerce.number().int().min(1).default(1500),
    /** How often the recovery worker looks for requests and reviews a crash left half-done. */
    RECOVERY_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
    /** How old an unfinished request or review must be before recovery takes it over from its process. */
    RECOVERY_GRACE_MS: z.coerce.number().int().min(0).default(60_000),
    /** Tests only: the process dies hard right after this step of the money path. */
    FAULT_CRASH_AFTER: z.enum(CRASH_POINTS).optional(),
  })
  .refine((config) => !(config.FAULT_CRASH_AFTER && config.NODE_ENV === 'production'), {
    message: 'FAULT_CRASH_AFTER is for tests and is refused in production',
    path: ['FAULT_CRASH_AFTER'],
  })
  .superRefine(commonRules);

export type EventsConfig = z.infer<typeof schema>;

export const readEventsConfig = (env: NodeJS.ProcessEnv = process.env): EventsConfig =>
  loadConfig(schema, env);
