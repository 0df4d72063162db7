import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { pino } from 'pino';
import { createAccessTokenVerifier, Role } from '@rewardgraph/service-kit';
import { openSigningKeys, type SigningKeys } from '../keys/signing-keys';
import { createAccessTokenIssuer } from './access-token-issuer';

const policy = { issuer: 'rewardgraph-auth', audience: 'rewardgraph-api' };
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
    const verify = createAccessTokenVerifier(keys.getKey, policy);

    const { accessToken, expiresAt } = await createAccessTokenIssuer(keys, policy, 600)(subject);

    expect(await verify(accessToken)).toEqual(subject);
    expect(decodeProtectedHeader(accessToken)).toEqual({
      alg: 'EdDSA',
      kid: keys.current().kid,
      typ: 'at+jwt',
    });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
  });

  it('when the verifier expects another audience, then the token is refused as invalid', async () => {
    const { accessToken } = await createAccessTokenIssuer(keys, policy, 600)(subject);
    const verify = createAccessTokenVerifier(keys.getKey, { ...policy, audience: 'other' });

    await expect(verify(accessToken)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('when a token has expired, then it is refused as expired', async () => {
    const { accessToken } = await createAccessTokenIssuer(keys, policy, -60)(subject);

    await expect(createAccessTokenVerifier(keys.getKey, policy)(accessToken)).rejects.toMatchObject({
      reason: 'expired',
    });
  });

  it('when the published keys are listed, then they hold no private part', () => {
    expect(keys.jwks().keys).toHaveLength(2);
    for (const jwk of keys.jwks().keys) expect(jwk).not.toHaveProperty('d');
  });
});
