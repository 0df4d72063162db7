import { z } from 'zod';
import { LOG_FORMATS } from '../logging/log-format';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once against a zod schema and reports every problem at the same time. */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

export type NodeEnv = 'development' | 'test' | 'production';

/** Introspection is off in production; stack traces leave only a development server. */
export const exposure = (nodeEnv: NodeEnv) => ({
  introspection: nodeEnv !== 'production',
  stackTraces: nodeEnv === 'development',
});

/**
 * The gateway → subgraph signing secret of development and test. It is public (it is in
 * this repository), so production refuses it: there the secret has no default.
 */
export const DEV_SUBGRAPH_SIGNING_SECRET = 'rewardgraph-development-only-subgraph-signing-secret';

/** Settings every service reads the same way. */
export const commonEnv = {
  // Production unless told otherwise: a forgotten NODE_ENV must not expose introspection or stack traces.
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** JSON lines unless a person reads them: `npm start` sets `pretty` on a terminal. */
  LOG_FORMAT: z.enum(LOG_FORMATS).default('json'),
  HOST: z.string().default('127.0.0.1'),
  JWT_ISSUER: z.string().min(1).default('rewardgraph-auth'),
  JWT_AUDIENCE: z.string().min(1).default('rewardgraph-api'),
  /** Shared by the gateway (signs what it forwards) and the subgraphs (verify it); see docs/architecture.md. */
  SUBGRAPH_SIGNING_SECRET: z.string().min(32, 'at least 32 characters').default(DEV_SUBGRAPH_SIGNING_SECRET),
  /** Query limits of the gateway; subgraphs add what a query plan needs (query-limits.ts). */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(10),
  MAX_QUERY_COST: z.coerce.number().int().min(100).default(5000),
  MAX_ALIASES: z.coerce.number().int().min(1).default(50),
  /** How often each dependency is checked for `rewardgraph_dependency_up` (docs/observability.md). */
  DEPENDENCY_PROBE_MS: z.coerce.number().int().min(100).default(5000),
};

export type CommonConfig = z.infer<z.ZodObject<typeof commonEnv>>;

/**
 * A value production refuses because it is public (a development default, a demo
 * password): the problem names the setting, never the value.
 */
export function refusePublicValueInProduction<C extends { NODE_ENV: NodeEnv }>(
  key: keyof C & string,
  publicValue: string,
  why: string,
) {
  return (config: C, ctx: z.RefinementCtx) => {
    if (config.NODE_ENV === 'production' && config[key] === publicValue) {
      ctx.addIssue({ code: 'custom', path: [key], message: `required in production: ${why}` });
    }
  };
}

/** The rules on common settings that depend on NODE_ENV; every service's schema applies them. */
export const commonRules = refusePublicValueInProduction<CommonConfig>(
  'SUBGRAPH_SIGNING_SECRET',
  DEV_SUBGRAPH_SIGNING_SECRET,
  'set a secret of your own (the development default is public)',
);

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
