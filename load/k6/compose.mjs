// npm run k6 -- <scenario> | npm run k6:all — runs load scenarios with k6 in Docker against
// the compose stack (docker/docker-compose.yml, started by compose when it is not up) under
// the load profile. k6 and Docker are not installable on every machine: this needs a
// machine with Docker Compose v2.17+ (several --env-file flags).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarios } from '../scenarios/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const docker = (file) => join(ROOT, 'docker', file);

const args = process.argv.slice(2);
const names = args.includes('--all') ? Object.keys(scenarios) : args;
if (names.length === 0 || names.some((name) => !scenarios[name])) {
  console.error(
    `usage: npm run k6 -- <scenario> [...]   (or npm run k6:all)\nscenarios: ${Object.keys(scenarios).join(', ')}`,
  );
  process.exit(2);
}

// docker/.env (the stack's secrets, docs/deployment.md) first, the load profile over it.
const envFiles = [docker('.env'), docker('load-profile.env')]
  .filter(existsSync)
  .flatMap((f) => ['--env-file', f]);
const compose = [
  'compose',
  ...envFiles,
  '-f',
  docker('docker-compose.yml'),
  '-f',
  docker('docker-compose.k6.yml'),
];

const failed = [];
for (const name of names) {
  console.log(`\n=== k6: ${name} — ${scenarios[name].description}`);
  const { status, error } = spawnSync('docker', [...compose, 'run', '--rm', '-e', `SCENARIO=${name}`, 'k6'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (error) throw new Error(`docker could not be run (${error.message}): k6 runs through Docker Compose`);
  if (status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nthresholds or checks failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
