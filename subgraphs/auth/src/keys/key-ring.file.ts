import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '@rewardgraph/service-kit';
import { rotate, type KeyRing, type StoredKey } from './key-ring';

const RING_FILE = 'keyring.json';

export const ringPath = (dir: string) => join(dir, RING_FILE);

export async function generateKey(now = new Date()): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
  return { kid: randomUUID(), createdAt: now.toISOString(), privateJwk: await exportJWK(privateKey) };
}

export async function readRing(dir: string): Promise<KeyRing | null> {
  try {
    return JSON.parse(await readFile(ringPath(dir), 'utf8')) as KeyRing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes the ring to a temporary file of its own, for a rename or link into place. */
async function writeTemporary(dir: string, ring: KeyRing): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${ringPath(dir)}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tmp, JSON.stringify(ring, null, 2), { mode: 0o600 });
  return tmp;
}

/** Written to a temporary file and renamed, so a reader never sees half a ring. */
export async function writeRing(dir: string, ring: KeyRing): Promise<void> {
  await rename(await writeTemporary(dir, ring), ringPath(dir));
}

/**
 * Puts `ring` in place only if no ring is there yet (a hard link fails when the name
 * exists), and returns the ring that is: of several instances starting at once on an
 * empty folder, the first one's ring wins and every instance signs with it.
 */
async function createRing(dir: string, ring: KeyRing): Promise<KeyRing> {
  const tmp = await writeTemporary(dir, ring);
  try {
    await link(tmp, ringPath(dir));
    return ring;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readRing(dir))!;
  } finally {
    await unlink(tmp);
  }
}

export const ringModifiedAt = async (dir: string) => (await stat(ringPath(dir))).mtimeMs;

/** The ring in `dir`; a first start creates one with a current and a next key. */
export async function ensureRing(dir: string, maxTokenLifetimeMs: number): Promise<KeyRing> {
  const existing = await readRing(dir);
  if (existing) return existing;
  const now = new Date();
  const ring = rotate(
    rotate({ keys: [] }, await generateKey(now), now, maxTokenLifetimeMs),
    await generateKey(now),
    now,
    maxTokenLifetimeMs,
  );
  return createRing(dir, ring);
}

/** One rotation step, as the `keys:rotate` command runs it. */
export async function rotateRing(
  dir: string,
  maxTokenLifetimeMs: number,
  now = new Date(),
): Promise<KeyRing> {
  const ring = await ensureRing(dir, maxTokenLifetimeMs);
  const rotated = rotate(ring, await generateKey(now), now, maxTokenLifetimeMs);
  await writeRing(dir, rotated);
  return rotated;
}
