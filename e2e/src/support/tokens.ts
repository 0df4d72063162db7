import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { stack } from './env';

interface RingKey {
  kid: string;
  activatedAt?: string;
  retiredAt?: string;
  privateJwk: JWK;
}

export const readKeyRing = () =>
  JSON.parse(readFileSync(join(stack().keysDir, 'keyring.json'), 'utf8')) as { keys: RingKey[] };

/** The auth service's real current signing key, read from its key ring, to craft tokens it would not issue. */
export async function authSigningKey(): Promise<{ kid: string; key: KeyLike; publicJwk: JWK }> {
  const stored = readKeyRing().keys.find((k) => k.activatedAt && !k.retiredAt)!;
  const { d: _d, ...publicJwk } = stored.privateJwk;
  return { kid: stored.kid, key: (await importJWK(stored.privateJwk, 'EdDSA')) as KeyLike, publicJwk };
}

export interface ForgeOptions {
  sub: string;
  roles?: string[];
  issuer?: string;
  audience?: string;
  /** Seconds from now; two minutes ago unless told. */
  issuedInSeconds?: number;
  expiresInSeconds?: number;
  kid?: string;
  typ?: string;
}

export async function signAccessToken(options: ForgeOptions): Promise<string> {
  const { kid, key } = await authSigningKey();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: options.roles ?? ['USER'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: options.kid ?? kid, typ: options.typ ?? 'at+jwt' })
    .setSubject(options.sub)
    .setIssuer(options.issuer ?? 'rewardgraph-auth')
    .setAudience(options.audience ?? 'rewardgraph-api')
    .setIssuedAt(now + (options.issuedInSeconds ?? -120))
    .setExpirationTime(now + (options.expiresInSeconds ?? 300))
    .sign(key);
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned token (`alg: none`) claiming whatever it likes. */
export function unsignedToken(payload: object): string {
  return `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(payload)}.`;
}
