import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import { ALL_ROLES, type Role } from './role';
import { type Identity } from './identity';
import { type RevocationList } from './revocation-list';

/** The one signature algorithm access tokens may use; anything else (none, HS256 …) is refused. */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';
/** RFC 9068 media type of a JWT access token, checked so that no other JWT is taken for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Clock skew verifiers accept between the issuer's clock and theirs. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Verifiers accept 5 s of clock skew; a minute of margin covers it and slow clocks. */
const LIFETIME_MARGIN_SECONDS = 60;

/**
 * How long after signing a token may still be accepted: how long old keys stay
 * published and revocations are remembered.
 */
export const maxTokenLifetimeMs = (ttlSeconds: number) => (ttlSeconds + LIFETIME_MARGIN_SECONDS) * 1000;

export interface AccessTokenPolicy {
  issuer: string;
  audience: string;
}

export interface VerificationPolicy extends AccessTokenPolicy {
  /** The issuer's access-token lifetime (ACCESS_TOKEN_TTL_SECONDS): no token may claim a longer one. */
  ttlSeconds: number;
}

const MESSAGES = {
  expired: 'Access token expired',
  invalid: 'Access token invalid',
  revoked: 'Access token revoked; sign in again',
};

export class InvalidTokenError extends Error {
  constructor(readonly reason: keyof typeof MESSAGES) {
    super(MESSAGES[reason]);
    this.name = 'InvalidTokenError';
  }
}

/** How many verified tokens a verifier remembers (the most recently used). */
const REMEMBERED_TOKENS = 10_000;

/**
 * Verifies an access token against a key set and the policy, and returns who it
 * names; with a revocation list, tokens of revoked sessions or users are refused too.
 * A token issued in the future, older than the lifetime, or claiming a longer lifetime
 * than the issuer gives is refused: a leaked signing key (or a bug) cannot mint tokens
 * that outlive the key's rotation and the revocation list's memory.
 *
 * A token whose signature and claims were verified is remembered until it expires, so a
 * client's next calls skip the signature check (a tenth of the gateway's CPU per call
 * under load); the revocation list is asked on every call. The same text always verifies
 * the same way until its expiry: keys are dropped only after every token they signed has
 * expired (docs/auth.md, "Keys and rotation").
 */
export function createAccessTokenVerifier(
  keys: JWTVerifyGetKey,
  policy: VerificationPolicy,
  revocations?: RevocationList,
) {
  const verified = new LRUCache<string, Identity>({ max: REMEMBERED_TOKENS });
  return async (token: string): Promise<Identity> => {
    let identity = verified.get(token);
    if (!identity) {
      const checked = await verifyToken(token, keys, policy);
      identity = checked.identity;
      const lifeMs = checked.expiresAt * 1000 - Date.now();
      if (lifeMs > 0) verified.set(token, identity, { ttl: lifeMs });
    }
    if (revocations?.isRevoked(identity)) throw new InvalidTokenError('revoked');
    return { ...identity, roles: [...identity.roles] };
  };
}

async function verifyToken(
  token: string,
  keys: JWTVerifyGetKey,
  policy: VerificationPolicy,
): Promise<{ identity: Identity; expiresAt: number }> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      issuer: policy.issuer,
      audience: policy.audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: policy.ttlSeconds,
    });
    if (payload.exp! - payload.iat! > policy.ttlSeconds) throw new InvalidTokenError('invalid');
    const roles = Array.isArray(payload.roles) ? payload.roles : [];
    if (!payload.sub || !roles.every((role): role is Role => ALL_ROLES.includes(role as Role))) {
      throw new InvalidTokenError('invalid');
    }
    const identity: Identity = {
      userId: payload.sub,
      roles,
      sessionId: typeof payload.sid === 'string' ? payload.sid : undefined,
      tokenVersion: typeof payload.ver === 'number' ? payload.ver : undefined,
    };
    return { identity, expiresAt: payload.exp! };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
    throw new InvalidTokenError('invalid');
  }
}

export type AccessTokenVerifier = ReturnType<typeof createAccessTokenVerifier>;

/**
 * The credential of an `Authorization` header, or null when there is none. A header
 * that is not `Bearer <token>` is returned whole, so that verifying it fails loudly.
 */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : header;
}
