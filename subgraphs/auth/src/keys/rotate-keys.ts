import { readKeyRingConfig } from '../config';
import { stageOf } from './key-ring';
import { rotateRing } from './key-ring.file';
import { maxTokenLifetimeMs } from '@rewardgraph/service-kit';

/**
 * `npm run keys:rotate -w @rewardgraph/auth`: next → current, current → previous,
 * a new next key; previous keys whose tokens have all expired are dropped. Running
 * services pick the change up within KEYS_RELOAD_MS.
 */
async function main(): Promise<void> {
  const config = readKeyRingConfig();
  const ring = await rotateRing(config.KEYS_DIR, maxTokenLifetimeMs(config.ACCESS_TOKEN_TTL_SECONDS));
  for (const key of ring.keys)
    process.stdout.write(`${stageOf(key).padEnd(8)} ${key.kid} (created ${key.createdAt})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`key rotation failed: ${(error as Error).message}\n`);
  process.exit(1);
});
