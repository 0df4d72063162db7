import { z } from 'zod';
import { commonEnv, loadConfig, port } from '@rewardgraph/service-kit';

const schema = z
  .object({
    ...commonEnv,
    AUTH_PORT: port(3001),
    USER_DB_URL: z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27017/rewardgraph_users'),
    SECURE_REDIS_URL: z.string().startsWith('redis').default('redis://127.0.0.1:6380'),
    KEYS_DIR: z.string().min(1).default('.keys/auth'),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12).max(128).optional(),
  })
  .refine((c) => !c.ADMIN_EMAIL === !c.ADMIN_PASSWORD, {
    message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither',
    path: ['ADMIN_PASSWORD'],
  });

export type AuthConfig = z.infer<typeof schema>;

export const readAuthConfig = (env: NodeJS.ProcessEnv = process.env): AuthConfig => loadConfig(schema, env);
