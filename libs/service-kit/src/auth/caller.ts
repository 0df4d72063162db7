import { type Redis } from 'ioredis';
import { createRemoteJWKSet } from 'jose';
import { type Logger } from 'pino';
import {
  bearerToken,
  createAccessTokenVerifier,
  InvalidTokenError,
  maxTokenLifetimeMs,
  type AccessTokenPolicy,
  type AccessTokenVerifier,
} from './access-token';
import { type Identity } from './identity';
import { RevocationList } from './revocation-list';

export interface Caller {
  /** Null for anonymous callers and for callers whose token failed verification. */
  identity: Identity | null;
  /** Why a presented token was refused; guarded fields report it as UNAUTHENTICATED. */
  tokenFailure: InvalidTokenError | null;
}

/**
 * Who sent an `Authorization` header. A refused token does not fail the request here:
 * public fields (login with a stale token in the header) still work, guarded ones say why.
 */
export async function identifyCaller(
  authorization: string | undefined,
  verify: AccessTokenVerifier,
): Promise<Caller> {
  const token = bearerToken(authorization);
  if (token === null) return { identity: null, tokenFailure: null };
  try {
    return { identity: await verify(token), tokenFailure: null };
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    return { identity: null, tokenFailure: error };
  }
}

export interface RemoteVerificationOptions {
  jwksUrl: string;
  policy: AccessTokenPolicy;
  /** The bus Redis, where the auth service publishes revocations. */
  bus: Redis;
  /** The auth service's ACCESS_TOKEN_TTL_SECONDS: tokens claiming a longer life are refused. */
  accessTokenTtlSeconds: number;
  logger: Logger;
}

/**
 * Verification for services other than auth: keys from the auth JWKS (fetched on first
 * use, cached 10 min, re-fetched at most every 30 s when a token names an unknown kid)
 * and the revocation list. Start `revocations` before serving, stop it on shutdown.
 */
export function createRemoteVerification({
  jwksUrl,
  policy,
  bus,
  accessTokenTtlSeconds,
  logger,
}: RemoteVerificationOptions) {
  const revocations = new RevocationList(bus.duplicate(), maxTokenLifetimeMs(accessTokenTtlSeconds), logger);
  const keys = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  const verify = createAccessTokenVerifier(
    keys,
    { ...policy, ttlSeconds: accessTokenTtlSeconds },
    revocations,
  );
  return { verify, revocations };
}
