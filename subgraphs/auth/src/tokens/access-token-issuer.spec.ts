import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader } from 'jose';
import { createAccessTokenVerifier, Role } from '@rewardgraph/service-kit';
import { loadSigningKeys } from '../keys/signing-keys';
import { createAccessTokenIssuer } from './access-token-issuer';

const policy = { issuer: 'rewardgraph-auth', audience: 'rewardgraph-api' };

describe('access tokens', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rg-keys-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('when a token is issued, then the verifier of the same key set returns the same identity', async () => {
    const keys = await loadSigningKeys(dir);
    const issue = createAccessTokenIssuer(keys, policy, 600);
    const verify = createAccessTokenVerifier(createLocalJWKSet(keys.jwks), policy);

    const { accessToken, expiresAt } = await issue({ userId: 'u1', roles: [Role.USER, Role.AUDITOR] });

    expect(await verify(accessToken)).toEqual({
      userId: 'u1',
      roles: [Role.USER, Role.AUDITOR],
      sessionId: undefined,
    });
    expect(decodeProtectedHeader(accessToken)).toEqual({
      alg: 'EdDSA',
      kid: keys.current.kid,
      typ: 'at+jwt',
    });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
  });

  it('when the verifier expects another audience, then the token is refused as invalid', async () => {
    const keys = await loadSigningKeys(dir);
    const { accessToken } = await createAccessTokenIssuer(
      keys,
      policy,
      600,
    )({ userId: 'u1', roles: [Role.USER] });
    const verify = createAccessTokenVerifier(createLocalJWKSet(keys.jwks), { ...policy, audience: 'other' });

    await expect(verify(accessToken)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('when a token has expired, then it is refused as expired', async () => {
    const keys = await loadSigningKeys(dir);
    const { accessToken } = await createAccessTokenIssuer(
      keys,
      policy,
      -60,
    )({ userId: 'u1', roles: [Role.USER] });
    const verify = createAccessTokenVerifier(createLocalJWKSet(keys.jwks), policy);

    await expect(verify(accessToken)).rejects.toMatchObject({ reason: 'expired' });
  });
});
