// `npm run bench -- --instances 2`: the volume's stack as two instances of each service
// behind nginx (scripts/scaled, as `npm run up:scaled` runs it) on the volume's databases,
// so the figures of one and two instances compare on the same machine (docs/scaling.md).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { redisUrl, ROOT, RUN_DIR } from './profile.mjs';
import { stackAnswering } from './stack.mjs';

/**
 * Where the volume's balancer listens (the gateways on it, auth on +1, events on +2), its
 * instances on +10 to +31: below Linux's ephemeral range (32768–60999), where a client's
 * outgoing connection may hold the port when nginx binds it (it did, once).
 */
export const scaledPorts = (volume) => {
  const gateway = { realistic: 23400, small: 24400 }[volume.name];
  return { gateway, auth: gateway + 1, events: gateway + 2 };
};

function scripted(script, volume, shared, env) {
  const data = redisUrl(env.DATA_REDIS_PORT ?? 6379, volume.redisDb);
  const { status } = spawnSync('bash', [join(ROOT, 'scripts', 'scaled', script), '--no-build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...shared,
      SCALED_PORT: String(volume.ports.gateway),
      SCALED_RUN_DIR: join(RUN_DIR, `${volume.name}-scaled`),
      USER_DB_URL: volume.userDbUrl,
      EVENT_DB_URL: volume.eventDbUrl,
      SECURE_REDIS_URL: redisUrl(env.SECURE_REDIS_PORT ?? 6380, volume.redisDb),
      DATA_REDIS_URL: data,
      BUS_REDIS_URL: data,
    },
  });
  if (status !== 0) throw new Error(`scripts/scaled/${script} failed (exit ${status})`);
}

/**
 * The volume's two-instance stack on its `scaledPorts`: reused when its balancer answers,
 * else started (and stopped by `stop()`, unless it was reused or `keepRunning` asks to
 * leave it up).
 */
export async function scaledBenchStack(volume, shared, env, { keepRunning }) {
  const { ports } = volume;
  if (await stackAnswering(volume)) {
    console.log(`${volume.name}: reusing the two-instance bench stack behind port ${ports.gateway}`);
    return { stop: async () => {} };
  }
  console.log(`${volume.name}: starting two instances of each service behind nginx`);
  scripted('up.sh', volume, shared, env);
  if (keepRunning) return { stop: async () => {} };
  return { stop: async () => scripted('down.sh', volume, shared, env) };
}
