import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TYPE,
  type AccessTokenPolicy,
  type Role,
} from '@rewardgraph/service-kit';
import { type SigningKeys } from '../keys/signing-keys';

export interface IssuedAccessToken {
  accessToken: string;
  expiresAt: Date;
}

export interface AccessTokenSubject {
  userId: string;
  roles: Role[];
  sessionId: string;
  tokenVersion: number;
}

/** Signs short-lived access tokens (RFC 9068 shape) with the current key. */
export function createAccessTokenIssuer(keys: SigningKeys, policy: AccessTokenPolicy, ttlSeconds: number) {
  return async ({
    userId,
    roles,
    sessionId,
    tokenVersion,
  }: AccessTokenSubject): Promise<IssuedAccessToken> => {
    const { kid, privateKey } = keys.current();
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + ttlSeconds;
    const accessToken = await new SignJWT({ roles, sid: sessionId, ver: tokenVersion })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(userId)
      .setIssuer(policy.issuer)
      .setAudience(policy.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(privateKey);
    return { accessToken, expiresAt: new Date(expiresAt * 1000) };
  };
}

export type AccessTokenIssuer = ReturnType<typeof createAccessTokenIssuer>;
