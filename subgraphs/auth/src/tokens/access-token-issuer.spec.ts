import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { pino } from 'pino';
import { createAccessTokenVerifier, Role } from '@rewardgraph/service-kit';
import { openSigningKeys, type SigningKeys } from '../keys/signing-keys';
import { createAccessTokenIssuer } from './access-token-issuer';

const policy = { issuer: 'rewardgraph-auth', audience: 'rewardgraph-api' };
const TTL = 600;
const verification = { ...policy, ttlSeconds: TTL };
const subject = { userId: 'u1', roles: [Role.USER, Role.AUDITOR], sessionId: 's1', tokenVersion: 3 };

describe('access tokens', () => {
  let dir: string;
  let keys: SigningKeys;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rg-keys-'));
    keys = await openSigningKeys(dir, 660_000, 60_000, pino({ level: 'silent' }));
  });
  afterEach(async () => {
    keys.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when a token is issued, then the verifier of the same key set returns the same identity', async () => {
    const verify = createAccessTokenVerifier(keys.getKey, verification);

    const { accessToken, expiresAt } = await createAccessTokenIssuer(keys, policy, 600)(subject);

    expect(await verify(accessToken)).toEqual(subject);
    expect(decodeProtectedHeader(accessToken)).toEqual({
      alg: 'EdDSA',
      kid: keys.current().kid,
      typ: 'at+jwt',
    });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
  });

  it('when a verified token is presented again, then its key is not looked up again, and a revocation still refuses it', async () => {
    const getKey = jest.fn(keys.getKey);
    const revoked = new Set<string>();
    const revocations = {
      isRevoked: ({ sessionId }: { sessionId?: string }) => revoked.has(sessionId ?? ''),
    };
    const verify = createAccessTokenVerifier(getKey, verification, revocations as never);
    const { accessToken } = await createAccessTokenIssuer(keys, policy, 600)(subject);

    expect(await verify(accessToken)).toEqual(subject);
    expect(await verify(accessToken)).toEqual(subject);
    expect(getKey).toHaveBeenCalledTimes(1);

    revoked.add('s1');
    await expect(verify(accessToken)).rejects.toMatchObject({ reason: 'revoked' });
    // The same token with one signature character changed is another text: verified, and refused.
    const at = accessToken.length - 10;
    const altered = `${accessToken.slice(0, at)}${accessToken[at] === 'A' ? 'B' : 'A'}${accessToken.slice(at + 1)}`;
    await expect(verify(altered)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('when the verifier expects another audience, then the token is refused as invalid', async () => {
    const { accessToken } = await createAccessTokenIssuer(keys, policy, 600)(subject);
    const verify = createAccessTokenVerifier(keys.getKey, { ...verification, audience: 'other' });

    await expect(verify(accessToken)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('when a token has expired, then it is refused as expired', async () => {
    const { accessToken } = await createAccessTokenIssuer(keys, policy, -60)(subject);

    await expect(createAccessTokenVerifier(keys.getKey, verification)(accessToken)).rejects.toMatchObject({
      reason: 'expired',
    });
  });

  /** A token signed with the real current key, with the given issue and expiry times (seconds from now). */
  const signed = (iatOffset: number, expOffset: number) => {
    const { kid, privateKey } = keys.current();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles: [Role.USER] })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .setSubject('u1')
      .setIssuer(policy.issuer)
      .setAudience(policy.audience)
      .setIssuedAt(now + iatOffset)
      .setExpirationTime(now + expOffset)
      .sign(privateKey);
  };

  it.each([
    ['issued a minute in the future', 60, 300, 'invalid'],
    ['claiming a lifetime longer than the TTL', -10, TTL * 100, 'invalid'],
    ['issued longer ago than the TTL, with an expiry still ahead', -TTL - 60, 60, 'expired'],
  ])('when a token is %s, then it is refused', async (_case, iat, exp, reason) => {
    await expect(
      createAccessTokenVerifier(keys.getKey, verification)(await signed(iat, exp)),
    ).rejects.toMatchObject({ reason });
  });

  it('when the issuer clock is a few seconds ahead, then the token is still accepted', async () => {
    await expect(
      createAccessTokenVerifier(keys.getKey, verification)(await signed(3, TTL + 3)),
    ).resolves.toMatchObject({
      userId: 'u1',
    });
  });

  it('when the published keys are listed, then they hold no private part', () => {
    expect(keys.jwks().keys).toHaveLength(2);
    for (const jwk of keys.jwks().keys) expect(jwk).not.toHaveProperty('d');
  });
});
