import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  authEnv,
  baseEnv,
  definedOnly,
  eventsEnv,
  gatewayEnv,
  planStack,
  ROOT,
  STACK_GATEWAY_SETTINGS,
  type StackInfo,
} from './stack';

const run = promisify(execFile);
const SCRIPTS = join(ROOT, 'scripts', 'scaled');

/** Where the balancer listens: the instances sit at fixed offsets from it (scripts/scaled/stack.sh). */
export const SCALED_PORT = Number(process.env.E2E_SCALED_PORT ?? 13400);

/** The scaled stack's pid files and logs, in the run's log folder. */
const runDir = (info: StackInfo) => join(info.logsDir, 'scaled');

/**
 * The run's stack as scripts/scaled/ runs it: two instances of each service behind
 * nginx. Tests call the balancer, and the gateways reach the subgraphs through it. Its
 * own Redis database (E2E_REDIS_DB, 5 unless set), so that its consumer group and
 * leases never meet another suite's.
 */
export function planScaledStack(): StackInfo {
  const info = planStack(Number(process.env.E2E_REDIS_DB ?? 5));
  const balancer = (offset: number) => `http://127.0.0.1:${SCALED_PORT + offset}`;
  return { ...info, gatewayUrl: balancer(0), authUrl: balancer(1), eventsUrl: balancer(2) };
}

/**
 * The settings of the single-instance stack, for every instance (each reads its own;
 * the script sets ports, the balancer's addresses and consumer names). Recovery looks
 * every second for work older than 3 s, so what a killed instance left half-done is
 * finished while the test waits.
 */
const scaledEnv = (info: StackInfo) =>
  definedOnly({
    ...baseEnv(info),
    ...authEnv(info, '0'),
    ...eventsEnv(info, '0'),
    ...gatewayEnv(info, '0'),
    ...STACK_GATEWAY_SETTINGS,
    ADMIN_EMAIL: info.adminEmail,
    ADMIN_PASSWORD: info.adminPassword,
    RECOVERY_INTERVAL_MS: '1000',
    RECOVERY_GRACE_MS: '3000',
    SCALED_PORT: String(SCALED_PORT),
    SCALED_RUN_DIR: runDir(info),
  });

/**
 * Starts whatever of the scaled stack is not running (all of it at first; after a kill,
 * the instance killed) and waits until it is ready.
 */
export async function upScaled(info: StackInfo): Promise<void> {
  await run('bash', [join(SCRIPTS, 'up.sh'), '--no-build'], { env: scaledEnv(info), timeout: 180_000 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      throw new Error(`scripts/scaled/up.sh failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    },
  );
}

export async function downScaled(info: StackInfo): Promise<void> {
  await run('bash', [join(SCRIPTS, 'down.sh')], { env: scaledEnv(info), timeout: 60_000 });
}

/** The pid of one instance of the scaled stack, e.g. `events-1`. */
export const scaledPid = (info: StackInfo, name: string) =>
  Number(readFileSync(join(runDir(info), `${name}.pid`), 'utf8'));
