import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

/** Where the running stack is; tests read it from the environment (see env.ts). */
export interface StackInfo {
  gatewayUrl: string;
  authUrl: string;
  eventsUrl: string;
  userDbUrl: string;
  eventDbUrl: string;
  secureRedisUrl: string;
  dataRedisUrl: string;
  busRedisUrl: string;
  keysDir: string;
  logsDir: string;
  adminEmail: string;
  adminPassword: string;
  /** The gateway → subgraph signing secret of this run (tests sign with it to prove what is refused). */
  signingSecret: string;
}

/**
 * Environment of a service process, over the defaults below. `undefined` leaves a
 * variable unset, to start a service as a bare deployment would (no NODE_ENV).
 */
export type ServiceEnv = Record<string, string | undefined>;

export interface RunningStack {
  info: StackInfo;
  processes: ChildProcess[];
}

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/**
 * Small limits, so the rate-limit tests reach them quickly; other tests use their own
 * client IPs. One address can fail at most 2 × 5 logins within the per-account window,
 * below its ceiling of 15 (the auth config refuses settings where it could reach it).
 * The per-account refresh window is short so a test can wait for it to pass.
 */
export const E2E_LIMITS = {
  LOGIN_LIMIT_PER_ACCOUNT_IP: '5/900',
  LOGIN_LIMIT_PER_ACCOUNT: '15/900',
  LOGIN_LIMIT_PER_IP: '20/60',
  SIGNUP_LIMIT_PER_IP: '5/3600',
  REFRESH_LIMIT_PER_IP: '10/60',
  REFRESH_LIMIT_PER_ACCOUNT: '10/8',
};

/** The gateway's ceiling per client IP (each test call has its own IP unless pinned). */
export const E2E_GATEWAY_LIMIT = '150/60';

/**
 * Its ceiling per signed-in user: out of the way, since tests send bursts with one token
 * from random addresses on purpose; `platform/client-limits` tests it on its own gateway.
 */
const E2E_GATEWAY_USER_LIMIT = '100000/60';

/** The stack's gateway settings (its instances' too, in the scaled mode). */
export const STACK_GATEWAY_SETTINGS: ServiceEnv = {
  GATEWAY_LIMIT_PER_IP: E2E_GATEWAY_LIMIT,
  GATEWAY_LIMIT_PER_USER: E2E_GATEWAY_USER_LIMIT,
  // Races and limit tests send bursts on purpose; load shedding has its own gateway and test.
  GATEWAY_MAX_IN_FLIGHT: '1000',
  COOKIE_SECURE: 'true',
};

/** Each run gets its own databases and keys, so runs never see each other's data. */
export function planStack(redisDb = port('E2E_REDIS_DB', 1)): StackInfo {
  const runId = `e2e_${Date.now().toString(36)}`;
  const userDb = process.env.USER_DB_ADDR ?? '127.0.0.1:27017';
  const eventDb = process.env.EVENT_DB_ADDR ?? '127.0.0.1:27018';
  const logsDir = join(ROOT, '.run', 'e2e-logs', runId);
  mkdirSync(logsDir, { recursive: true });
  return {
    gatewayUrl: `http://127.0.0.1:${port('E2E_GATEWAY_PORT', 13333)}`,
    authUrl: `http://127.0.0.1:${port('E2E_AUTH_PORT', 13001)}`,
    eventsUrl: `http://127.0.0.1:${port('E2E_EVENTS_PORT', 13002)}`,
    userDbUrl: `mongodb://${userDb}/rg_${runId}_users`,
    eventDbUrl: `mongodb://${eventDb}/rg_${runId}_events`,
    // Redis database 1 keeps test traffic (bus streams, rate-limit counters) apart from a
    // running dev stack; E2E_REDIS_DB moves it (a second suite running beside this one).
    secureRedisUrl: `redis://${process.env.SECURE_REDIS_ADDR ?? '127.0.0.1:6380'}/${redisDb}`,
    dataRedisUrl: `redis://${process.env.DATA_REDIS_ADDR ?? '127.0.0.1:6379'}/${redisDb}`,
    busRedisUrl: `redis://${process.env.DATA_REDIS_ADDR ?? '127.0.0.1:6379'}/${redisDb}`,
    keysDir: mkdtempSync(join(tmpdir(), 'rg-e2e-keys-')),
    logsDir,
    adminEmail: `admin-${runId}@e2e.rewardgraph.test`,
    adminPassword: 'e2e-admin-password-0001',
    signingSecret: randomBytes(32).toString('hex'),
  };
}

export const definedOnly = (env: ServiceEnv): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

/** What every service process of the run gets, under its own settings. */
export const baseEnv = (info: StackInfo): ServiceEnv => ({
  PATH: process.env.PATH,
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  SUBGRAPH_SIGNING_SECRET: info.signingSecret,
});

function startService(info: StackInfo, name: string, entry: string, env: ServiceEnv): ChildProcess {
  const log = createWriteStream(join(info.logsDir, `${name}.log`));
  const child = spawn(process.execPath, [join(ROOT, entry)], {
    env: definedOnly({ ...baseEnv(info), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

async function waitReady(name: string, baseUrl: string, child: ChildProcess, logsDir: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}); see ${logsDir}/${name}.log`);
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready within 60 s; see ${logsDir}/${name}.log`);
}

const portOf = (url: string) => new URL(url).port;
const jwksOf = (info: StackInfo) => `${info.authUrl}/.well-known/jwks.json`;

/** An auth service on the run's databases and keys; the stack's own also bootstraps the admin. */
export const authEnv = (info: StackInfo, port: string): ServiceEnv => ({
  AUTH_PORT: port,
  USER_DB_URL: info.userDbUrl,
  SECURE_REDIS_URL: info.secureRedisUrl,
  BUS_REDIS_URL: info.busRedisUrl,
  KEYS_DIR: info.keysDir,
  KEYS_RELOAD_MS: '200',
  OUTBOX_POLL_MS: '50',
  // Figures lost on purpose in a test are built again within a second.
  FIGURES_UPKEEP_MS: '500',
  ...E2E_LIMITS,
});

export const eventsEnv = (info: StackInfo, port: string): ServiceEnv => ({
  EVENTS_PORT: port,
  EVENT_DB_URL: info.eventDbUrl,
  DATA_REDIS_URL: info.dataRedisUrl,
  BUS_REDIS_URL: info.busRedisUrl,
  AUTH_JWKS_URL: jwksOf(info),
});

export const gatewayEnv = (info: StackInfo, port: string): ServiceEnv => ({
  GATEWAY_PORT: port,
  AUTH_URL: `${info.authUrl}/graphql`,
  EVENTS_URL: `${info.eventsUrl}/graphql`,
  AUTH_JWKS_URL: jwksOf(info),
  BUS_REDIS_URL: info.busRedisUrl,
  DATA_REDIS_URL: info.dataRedisUrl,
});

export interface ExtraInstance {
  url: string;
  process: ChildProcess;
  /** Resolves with the exit signal or code once the process is gone. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

async function startExtra(
  info: StackInfo,
  name: string,
  entry: string,
  port: number,
  env: ServiceEnv,
): Promise<ExtraInstance> {
  const url = `http://127.0.0.1:${port}`;
  const child = startService(info, name, entry, env);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  await waitReady(name, url, child, info.logsDir);
  return { url, process: child, exited, stop: () => stopStack({ info, processes: [child] }) };
}

/**
 * One more events service on the stack's databases, with its own settings (a crash
 * point, tiny admission limits): tests call it directly, as the gateway would. It has
 * its own consumer name, so a killed instance never strands the main instance's bus entries.
 */
export const startEventsInstance = (info: StackInfo, name: string, port: number, env: ServiceEnv) =>
  startExtra(info, name, 'subgraphs/events/dist/main.js', port, {
    ...eventsEnv(info, String(port)),
    BUS_CONSUMER_NAME: name,
    ...env,
  });

/**
 * What makes an extra events service share nothing with the stack's but auth: a database
 * of its own, and `redisUrl` for its data and its bus. A test may then hang it or stop its
 * Redis without touching other tests: no recovery leases, tallies, stock helpers or bus
 * entries in common (a hung consumer in the stack's group would hold auth's events).
 */
export const isolatedEventsEnv = (info: StackInfo, name: string, redisUrl: string): ServiceEnv => ({
  EVENT_DB_URL: `${info.eventDbUrl}_${name.replace(/\W/g, '_')}`,
  DATA_REDIS_URL: redisUrl,
  BUS_REDIS_URL: redisUrl,
});

/** One more gateway in front of the stack's subgraphs, with its own settings. */
export const startGatewayInstance = (info: StackInfo, name: string, port: number, env: ServiceEnv) =>
  startExtra(info, name, 'gateway/dist/main.js', port, { ...gatewayEnv(info, String(port)), ...env });

/** The built dashboard (dashboard/serve.mjs), talking to the gateway at `graphqlUrl`. */
export const startDashboardInstance = (info: StackInfo, name: string, port: number, graphqlUrl: string) =>
  startExtra(info, name, 'dashboard/serve.mjs', port, {
    DASHBOARD_PORT: String(port),
    DASHBOARD_GRAPHQL_URL: graphqlUrl,
  });

/** One more auth service (no ADMIN_EMAIL unless `env` gives one), with its own settings. */
export const startAuthInstance = (info: StackInfo, name: string, port: number, env: ServiceEnv) =>
  startExtra(info, name, 'subgraphs/auth/dist/main.js', port, { ...authEnv(info, String(port)), ...env });

/**
 * Starts an auth service that is meant to refuse to start (a bad configuration) and
 * resolves with its exit code and everything it printed.
 */
export async function authRefusingToStart(
  info: StackInfo,
  name: string,
  port: number,
  env: ServiceEnv,
): Promise<{ code: number | null; output: string }> {
  const child = startService(info, name, 'subgraphs/auth/dist/main.js', {
    ...authEnv(info, String(port)),
    ...env,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = await new Promise<[number | null]>((resolve) => child.once('close', (c) => resolve([c])));
  clearTimeout(timer);
  return { code, output };
}

/** Starts the built services as real processes on their own ports, and waits until each is ready. */
export async function startStack(info: StackInfo): Promise<RunningStack> {
  const auth = startService(info, 'auth', 'subgraphs/auth/dist/main.js', {
    ...authEnv(info, portOf(info.authUrl)),
    ADMIN_EMAIL: info.adminEmail,
    ADMIN_PASSWORD: info.adminPassword,
  });
  const events = startService(
    info,
    'events',
    'subgraphs/events/dist/main.js',
    eventsEnv(info, portOf(info.eventsUrl)),
  );
  const processes = [auth, events];
  try {
    await Promise.all([
      waitReady('auth', info.authUrl, auth, info.logsDir),
      waitReady('events', info.eventsUrl, events, info.logsDir),
    ]);
    const gateway = startService(info, 'gateway', 'gateway/dist/main.js', {
      ...gatewayEnv(info, portOf(info.gatewayUrl)),
      ...STACK_GATEWAY_SETTINGS,
    });
    processes.push(gateway);
    await waitReady('gateway', info.gatewayUrl, gateway, info.logsDir);
  } catch (error) {
    await stopStack({ info, processes });
    throw error;
  }
  return { info, processes };
}

export async function stopStack({ processes }: RunningStack): Promise<void> {
  await Promise.all(
    processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}
