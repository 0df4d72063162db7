import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, type KeyLike } from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '@rewardgraph/service-kit';

export interface SigningKeys {
  /** The key new access tokens are signed with. */
  current: { kid: string; privateKey: KeyLike };
  /** Public halves of every key whose tokens may still be alive. */
  jwks: JSONWebKeySet;
}

interface StoredKey {
  kid: string;
  createdAt: string;
  privateJwk: JWK;
}

async function generateKey(dir: string): Promise<StoredKey> {
  const { privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const stored: StoredKey = {
    kid: randomUUID(),
    createdAt: new Date().toISOString(),
    privateJwk: await exportJWK(privateKey),
  };
  await writeFile(
    join(dir, `${stored.createdAt.replace(/[:.]/g, '-')}.json`),
    JSON.stringify(stored, null, 2),
    {
      mode: 0o600,
      flag: 'wx',
    },
  );
  return stored;
}

/**
 * Ed25519 keys kept as JWK files in a private folder (git-ignored); the first start
 * generates one. The newest file signs; every file is published in the JWKS.
 */
export async function loadSigningKeys(dir: string): Promise<SigningKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const stored: StoredKey[] = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as StoredKey),
  );
  if (stored.length === 0) stored.push(await generateKey(dir));

  const newest = stored[stored.length - 1];
  const publicJwk = ({ kid, privateJwk }: StoredKey): JWK => {
    const { d: _private, ...rest } = privateJwk;
    return { ...rest, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
  };
  return {
    current: {
      kid: newest.kid,
      privateKey: (await importJWK(newest.privateJwk, ACCESS_TOKEN_ALGORITHM)) as KeyLike,
    },
    jwks: { keys: stored.map(publicJwk) },
  };
}
