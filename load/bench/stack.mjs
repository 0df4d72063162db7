// The bench's own services: auth, events and the gateway from their built dist/main.js
// (as scripts/start.sh runs them) on the volume's ports and databases, or the ones
// already answering there (started by an earlier `npm run bench -- --keep-running`).
// FerretDB and Redis are the machine's (scripts/infra/up.sh starts them when down).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { redisUrl, ROOT, RUN_DIR } from './profile.mjs';

const ENTRIES = {
  auth: 'subgraphs/auth/dist/main.js',
  events: 'subgraphs/events/dist/main.js',
  gateway: 'gateway/dist/main.js',
};
const READY_TIMEOUT_MS = 120_000;

const portOpen = (host, port) =>
  new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

const ready = (port) =>
  fetch(`http://127.0.0.1:${port}/health/ready`).then(
    (response) => response.ok,
    () => false,
  );

function run(command, args) {
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${status})`);
}

/** FerretDB ×2 and Redis ×2 answering, started by scripts/infra/up.sh when any is down. */
export async function ensureInfra(env) {
  const addresses = [
    env.USER_DB_ADDR ?? '127.0.0.1:27017',
    env.EVENT_DB_ADDR ?? '127.0.0.1:27018',
    `127.0.0.1:${env.DATA_REDIS_PORT ?? 6379}`,
    `127.0.0.1:${env.SECURE_REDIS_PORT ?? 6380}`,
  ];
  const open = await Promise.all(addresses.map((a) => portOpen(...a.split(':'))));
  if (open.every(Boolean)) return;
  console.log('starting FerretDB and Redis (scripts/infra/up.sh)');
  run('bash', [join(ROOT, 'scripts', 'infra', 'up.sh')]);
}

/** The services and the libraries the bench imports, built when a dist is missing (Nx caches the rest). */
export function ensureBuilt() {
  const needed = [
    ...Object.values(ENTRIES),
    'libs/api-client/dist/index.js',
    'libs/service-kit/dist/index.js',
  ];
  if (needed.every((file) => existsSync(join(ROOT, file)))) return;
  console.log('building (npx nx run-many -t build)');
  run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']);
}

/** Each service's environment on this volume. */
function envOf(name, volume, env) {
  const { ports } = volume;
  const data = redisUrl(env.DATA_REDIS_PORT ?? 6379, volume.redisDb);
  const jwks = `http://127.0.0.1:${ports.auth}/.well-known/jwks.json`;
  return {
    auth: {
      AUTH_PORT: ports.auth,
      USER_DB_URL: volume.userDbUrl,
      SECURE_REDIS_URL: redisUrl(env.SECURE_REDIS_PORT ?? 6380, volume.redisDb),
      BUS_REDIS_URL: data,
    },
    events: {
      EVENTS_PORT: ports.events,
      EVENT_DB_URL: volume.eventDbUrl,
      DATA_REDIS_URL: data,
      BUS_REDIS_URL: data,
      AUTH_JWKS_URL: jwks,
      BUS_CONSUMER_NAME: `bench-${volume.name}`,
    },
    gateway: {
      GATEWAY_PORT: ports.gateway,
      AUTH_URL: `http://127.0.0.1:${ports.auth}/graphql`,
      EVENTS_URL: `http://127.0.0.1:${ports.events}/graphql`,
      AUTH_JWKS_URL: jwks,
      BUS_REDIS_URL: data,
      DATA_REDIS_URL: data,
    },
  }[name];
}

async function waitReady(name, port, child, log) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bench ${name} exited (${child.exitCode}); see ${log}`);
    if (await ready(port)) return;
    await sleep(250);
  }
  throw new Error(
    `bench ${name} was not ready on port ${port} within ${READY_TIMEOUT_MS / 1000} s; see ${log}`,
  );
}

/** Whether all three bench services of the volume answer on its ports. */
export async function stackAnswering({ ports }) {
  const answering = await Promise.all([ready(ports.auth), ready(ports.events), ready(ports.gateway)]);
  return answering.every(Boolean);
}

/**
 * The volume's stack: reused when all three services answer on its ports, else started
 * (and stopped by `stop()`, unless it was reused or `keepRunning` asks to leave it up).
 * @param {import('./profile.mjs').Volume} volume
 */
export async function benchStack(volume, shared, env, { keepRunning }) {
  const { ports } = volume;
  if (await stackAnswering(volume)) {
    console.log(`${volume.name}: reusing the bench services on ports ${Object.values(ports).join(', ')}`);
    return { stop: async () => {} };
  }
  for (const port of Object.values(ports)) {
    if (await portOpen('127.0.0.1', port))
      throw new Error(`port ${port} is taken by something that is not a ready bench service`);
  }
  mkdirSync(RUN_DIR, { recursive: true });
  const children = [];
  let stopping = false;
  const start = async (name) => {
    const log = join(RUN_DIR, `${volume.name}-${name}.log`);
    // The log file itself as stdout and stderr: a service left running outlives the bench.
    const out = openSync(log, 'a');
    const child = spawn(process.execPath, [join(ROOT, ENTRIES[name])], {
      cwd: ROOT,
      env: { ...shared, ...envOf(name, volume, env) },
      stdio: ['ignore', out, out],
      detached: keepRunning,
    });
    closeSync(out);
    children.push(child);
    child.once('exit', (code, signal) => {
      if (!stopping)
        console.error(`\nbench ${name} exited during the run (${signal ?? `exit ${code}`}); see ${log}`);
    });
    await waitReady(name, ports[name], child, log);
  };
  console.log(`${volume.name}: starting the bench services (logs in ${RUN_DIR})`);
  await Promise.all([start('auth'), start('events')]);
  await start('gateway');
  if (keepRunning) {
    for (const child of children) child.unref();
    return { stop: async () => {} };
  }
  return {
    stop: () => {
      stopping = true;
      return Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', resolve);
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
