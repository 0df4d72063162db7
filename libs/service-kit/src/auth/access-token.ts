import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ALL_ROLES, type Role } from './role';
import { type Identity } from './identity';

/** The one signature algorithm access tokens may use; anything else (none, HS256 …) is refused. */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';
/** RFC 9068 media type of a JWT access token, checked so that no other JWT is taken for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface AccessTokenPolicy {
  issuer: string;
  audience: string;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'Access token expired' : 'Access token invalid');
    this.name = 'InvalidTokenError';
  }
}

/** Verifies an access token against a key set and the policy, and returns who it names. */
export function createAccessTokenVerifier(keys: JWTVerifyGetKey, policy: AccessTokenPolicy) {
  return async (token: string): Promise<Identity> => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: policy.issuer,
        audience: policy.audience,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 5,
      });
      const roles = Array.isArray(payload.roles) ? payload.roles : [];
      if (!payload.sub || !roles.every((role): role is Role => ALL_ROLES.includes(role as Role))) {
        throw new InvalidTokenError('invalid');
      }
      return {
        userId: payload.sub,
        roles,
        sessionId: typeof payload.sid === 'string' ? payload.sid : undefined,
      };
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
      throw new InvalidTokenError('invalid');
    }
  };
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
