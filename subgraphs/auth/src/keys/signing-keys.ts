import {
  createLocalJWKSet,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '@rewardgraph/service-kit';
import { type Logger } from 'pino';
import { currentKey, publishedKeys, type KeyRing, type StoredKey } from './key-ring';
import { ensureRing, readRing, ringModifiedAt } from './key-ring.file';

export interface SigningKeys {
  /** The key new access tokens are signed with. */
  current(): { kid: string; privateKey: KeyLike };
  /** Public halves of next, current and still-alive previous keys. */
  jwks(): JSONWebKeySet;
  /** Verifies this service's own tokens against the published keys. */
  getKey: JWTVerifyGetKey;
  close(): void;
}

const publicJwk = ({ kid, privateJwk }: StoredKey): JWK => {
  const { d: _private, ...rest } = privateJwk;
  return { ...rest, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
};

/**
 * The signing keys of a running auth service. The ring file is re-read when it
 * changes (the rotation command writes it), so a rotation needs no restart.
 */
export async function openSigningKeys(
  dir: string,
  maxTokenLifetimeMs: number,
  reloadEveryMs: number,
  logger: Logger,
): Promise<SigningKeys> {
  let state: { kid: string; privateKey: KeyLike; jwks: JSONWebKeySet; local: JWTVerifyGetKey };
  const load = async (ring: KeyRing) => {
    const current = currentKey(ring);
    const jwks = { keys: publishedKeys(ring, new Date(), maxTokenLifetimeMs).map(publicJwk) };
    state = {
      kid: current.kid,
      privateKey: (await importJWK(current.privateJwk, ACCESS_TOKEN_ALGORITHM)) as KeyLike,
      jwks,
      local: createLocalJWKSet(jwks),
    };
  };
  await load(await ensureRing(dir, maxTokenLifetimeMs));
  let loadedAt = await ringModifiedAt(dir);

  const timer = setInterval(async () => {
    try {
      const modified = await ringModifiedAt(dir);
      if (modified === loadedAt) return;
      const ring = await readRing(dir);
      if (!ring) return;
      await load(ring);
      loadedAt = modified;
      logger.info({ kid: state.kid, published: state.jwks.keys.map((k) => k.kid) }, 'signing keys reloaded');
    } catch (error) {
      logger.error({ err: error }, 'reloading signing keys failed; keeping the loaded ones');
    }
  }, reloadEveryMs);
  timer.unref();

  return {
    current: () => ({ kid: state.kid, privateKey: state.privateKey }),
    jwks: () => state.jwks,
    getKey: (header, token) => state.local(header, token),
    close: () => clearInterval(timer),
  };
}
