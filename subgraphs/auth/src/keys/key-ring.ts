import { type JWK } from 'jose';

/**
 * Signing keys move through three stages. A new key is first *next*: published in the
 * JWKS but not used, so every verifier's cached key set already holds it when it
 * becomes *current* at the following rotation. The key it replaces becomes *previous*:
 * still published until the longest-lived token it signed has expired, then dropped.
 */
export interface StoredKey {
  kid: string;
  createdAt: string;
  activatedAt?: string;
  retiredAt?: string;
  privateJwk: JWK;
}

export interface KeyRing {
  keys: StoredKey[];
}

export type KeyStage = 'next' | 'current' | 'previous';

export function stageOf(key: StoredKey): KeyStage {
  if (!key.activatedAt) return 'next';
  return key.retiredAt ? 'previous' : 'current';
}

export function currentKey(ring: KeyRing): StoredKey {
  const current = ring.keys.find((k) => stageOf(k) === 'current');
  if (!current) throw new Error('the key ring has no current key; run the key rotation command');
  return current;
}

/** Keys whose signatures may still be presented: next, current, and previous ones not yet outlived. */
export function publishedKeys(ring: KeyRing, now: Date, maxTokenLifetimeMs: number): StoredKey[] {
  return ring.keys.filter(
    (k) => !k.retiredAt || new Date(k.retiredAt).getTime() + maxTokenLifetimeMs > now.getTime(),
  );
}

/**
 * next → current, current → previous, `fresh` becomes next; outlived keys are dropped.
 * A ring without a next key first gets one (its current key stays), and an empty
 * ring gets `fresh` as its current key.
 */
export function rotate(ring: KeyRing, fresh: StoredKey, now: Date, maxTokenLifetimeMs: number): KeyRing {
  const at = now.toISOString();
  const kept = publishedKeys(ring, now, maxTokenLifetimeMs);
  if (!kept.some((k) => stageOf(k) === 'current')) return { keys: [...kept, { ...fresh, activatedAt: at }] };
  if (!kept.some((k) => stageOf(k) === 'next')) return { keys: [...kept, fresh] };
  const promoted = kept.map((key): StoredKey => {
    const stage = stageOf(key);
    if (stage === 'current') return { ...key, retiredAt: at };
    if (stage === 'next') return { ...key, activatedAt: at };
    return key;
  });
  return { keys: [...promoted, fresh] };
}
