// Benchmark players: signed up once per machine (their credentials kept under .run/),
// signed in at every run. argon2id makes both deliberately slow, so this is setup time.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LoginDocument, SignUpDocument } from '@rewardgraph/api-client';
import { call, ok, pool } from './client.mjs';

const FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '..',
  '.run',
  'bench-players.json',
);
export async function login(email, password) {
  const { login } = await ok(LoginDocument, { input: { email, password } });
  return { email, password, userId: login.user.id, token: login.accessToken };
}

async function signUp() {
  const email = `bench-${randomUUID()}@bench.rewardgraph.test`;
  const password = `bench-${randomUUID()}`;
  await ok(SignUpDocument, { input: { email, password } });
  return { email, password };
}

/** `count` signed-in players; the stored ones first, new ones when there are too few. */
export async function players(count) {
  const stored = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : [];
  const usable = stored.length && (await call(LoginDocument, { input: stored[0] })).data ? stored : [];
  const created = await pool(
    Array.from({ length: Math.max(0, count - usable.length) }, () => signUp),
    4,
  );
  const all = [...usable, ...created];
  mkdirSync(dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify(all));
  return pool(
    all.slice(0, count).map((p) => () => login(p.email, p.password)),
    4,
  );
}
