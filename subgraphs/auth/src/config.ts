import { z } from 'zod';
import {
  commonEnv,
  commonRules,
  loadConfig,
  port,
  refusePublicValueInProduction,
} from '@rewardgraph/service-kit';

/** "points/seconds", e.g. "10/900" = 10 attempts per 15 minutes. */
const limit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const match = /^(\d+)\/(\d+)$/.exec(value.trim());
      if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
        ctx.addIssue({ code: 'custom', message: 'expected "points/seconds", e.g. 10/900' });
        return z.NEVER;
      }
      return { points: Number(match[1]), seconds: Number(match[2]) };
    });

/** The admin password `npm start` and the README use: anyone can sign in with it. */
export const DEMO_ADMIN_PASSWORD = 'rewardgraph-demo-admin';

interface Window {
  points: number;
  seconds: number;
}

/**
 * The most failed logins one address can add to an account's count within one window
 * of the per-account limit: every (account, address) window that can overlap it, full.
 */
export const singleAddressCeiling = (perAccountIp: Window, perAccount: Window) =>
  perAccountIp.points * (Math.ceil(perAccount.seconds / perAccountIp.seconds) + 1);

/** What the key ring needs: shared by the service and the offline rotation tool. */
const keyRingEnv = {
  KEYS_DIR: z.string().min(1).default('.keys/auth'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
};

const schema = z
  .object({
    ...commonEnv,
    ...keyRingEnv,
    AUTH_PORT: port(3001),
    USER_DB_URL: z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27017/rewardgraph_users'),
    SECURE_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6380'),
    BUS_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6379'),
    KEYS_RELOAD_MS: z.coerce.number().int().min(100).default(5000),
    REFRESH_ABSOLUTE_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .default(14 * 86_400),
    REFRESH_IDLE_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .default(3 * 86_400),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(250),
    /** How often the user figures in Redis are checked, built when missing and repaired after crashes. */
    FIGURES_UPKEEP_MS: z.coerce.number().int().min(100).default(30_000),
    /** The longest wait for the user figures in Redis before a read counts in user-db (which reads every user). */
    FIGURES_TIMEOUT_MS: z.coerce.number().int().min(1).max(5000).default(500),
    /** Seconds a user's display (entity references) stays in the secure Redis; writes to the user remove it at once. */
    USER_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** Longest wait for the user display cache's Redis on one operation; past it the users are read from user-db. */
    USER_CACHE_TIMEOUT_MS: z.coerce.number().int().min(1).max(5000).default(50),
    /** After a cache failure, reads skip the cache this long (and the failure is logged at most this often). */
    USER_CACHE_BYPASS_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    LOGIN_LIMIT_PER_ACCOUNT_IP: limit('10/900'),
    LOGIN_LIMIT_PER_ACCOUNT: limit('100/3600'),
    LOGIN_LIMIT_PER_IP: limit('30/60'),
    SIGNUP_LIMIT_PER_IP: limit('10/3600'),
    REFRESH_LIMIT_PER_IP: limit('60/60'),
    REFRESH_LIMIT_PER_ACCOUNT: limit('30/60'),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12).max(128).optional(),
  })
  .refine((c) => !c.ADMIN_EMAIL === !c.ADMIN_PASSWORD, {
    message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither',
    path: ['ADMIN_PASSWORD'],
  })
  .refine(
    (c) =>
      singleAddressCeiling(c.LOGIN_LIMIT_PER_ACCOUNT_IP, c.LOGIN_LIMIT_PER_ACCOUNT) <
      c.LOGIN_LIMIT_PER_ACCOUNT.points,
    {
      message:
        'LOGIN_LIMIT_PER_ACCOUNT must exceed what one address can fail within its window under LOGIN_LIMIT_PER_ACCOUNT_IP, or one address could lock the owner out',
      path: ['LOGIN_LIMIT_PER_ACCOUNT'],
    },
  )
  .refine((c) => c.REFRESH_IDLE_TTL_SECONDS <= c.REFRESH_ABSOLUTE_TTL_SECONDS, {
    message: 'the idle timeout cannot exceed the absolute session lifetime',
    path: ['REFRESH_IDLE_TTL_SECONDS'],
  })
  .superRefine(commonRules)
  .superRefine(
    refusePublicValueInProduction(
      'ADMIN_PASSWORD',
      DEMO_ADMIN_PASSWORD,
      'set a password of your own (the demo password is public)',
    ),
  );

export type AuthConfig = z.infer<typeof schema>;
export type Limit = AuthConfig['LOGIN_LIMIT_PER_IP'];

export const readAuthConfig = (env: NodeJS.ProcessEnv = process.env): AuthConfig => loadConfig(schema, env);

/**
 * The rotation tool touches only the key folder: it needs neither the databases nor the
 * service's secrets, so an operator can run it wherever the folder is mounted.
 */
export const readKeyRingConfig = (env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(z.object(keyRingEnv), env);
