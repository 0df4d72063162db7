// Where the bench's own stack runs, per volume: its ports, databases, Redis databases
// and keys, apart from `npm start` (3333/3001/3002, rewardgraph_*, Redis database 0)
// and the e2e suite (Redis database 1). Settings come from docker/load-profile.env, the
// same load profile k6 runs under. Read once, by the bench's entry point.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RUN_DIR = join(ROOT, '.run', 'bench');

/** `KEY=value` lines; comments and blank lines skipped. */
export const parseEnvFile = (text) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

export const BENCH_ADMIN = { email: 'admin@bench.rewardgraph.test', password: 'bench-admin-password' };

/**
 * @typedef {object} Volume
 * @property {'realistic' | 'small'} name
 * @property {{ gateway: number, auth: number, events: number }} ports
 * @property {string} userDbUrl
 * @property {string} eventDbUrl
 * @property {number} redisDb
 */

/** @returns {Record<'realistic' | 'small', Volume>} */
export function benchVolumes(env) {
  const userDb = env.USER_DB_ADDR ?? '127.0.0.1:27017';
  const eventDb = env.EVENT_DB_ADDR ?? '127.0.0.1:27018';
  const volume = (name, suffix, firstPort, redisDb) => ({
    name,
    ports: { gateway: firstPort + 333, auth: firstPort + 1, events: firstPort + 2 },
    userDbUrl: `mongodb://${userDb}/rewardgraph_bench_users${suffix}`,
    eventDbUrl: `mongodb://${eventDb}/rewardgraph_bench_events${suffix}`,
    redisDb,
  });
  // Below Linux's ephemeral range (32768–60999), so an outgoing connection never holds a
  // service's port when the bench starts it.
  return {
    realistic: volume('realistic', '', 13000, 2),
    small: volume('small', '_small', 14000, 3),
  };
}

/**
 * The gateway → subgraph signing secret of the bench's stacks, known to the bench so its
 * direct rows can sign as the gateway does (load/bench/direct.mjs).
 */
export const BENCH_SIGNING_SECRET = 'rewardgraph-bench-only-subgraph-signing-secret';

/**
 * The service settings every bench stack shares: production mode, as deployed (graphql-js
 * alone checks every value's type across realms outside it, a twentieth of a subgraph's
 * CPU per field under load), with the bench's own signing secret, plus the load profile.
 */
export function benchServiceEnv(env) {
  const profile = parseEnvFile(readFileSync(join(ROOT, 'docker', 'load-profile.env'), 'utf8'));
  return {
    PATH: env.PATH,
    NODE_ENV: 'production',
    SUBGRAPH_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    KEYS_DIR: join(RUN_DIR, 'keys'),
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    ...profile,
  };
}

export const redisUrl = (port, db) => `redis://127.0.0.1:${port}/${db}`;
