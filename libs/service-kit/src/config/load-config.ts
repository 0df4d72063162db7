import { z } from 'zod';

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

/** Introspection and Sandbox are off in production; stack traces leave only a development server. */
export const exposure = (nodeEnv: NodeEnv) => ({
  introspection: nodeEnv !== 'production',
  stackTraces: nodeEnv === 'development',
});

/** Settings every service reads the same way. */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  JWT_ISSUER: z.string().min(1).default('rewardgraph-auth'),
  JWT_AUDIENCE: z.string().min(1).default('rewardgraph-api'),
};

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
