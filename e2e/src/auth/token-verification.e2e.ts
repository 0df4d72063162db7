import { createHmac } from 'node:crypto';
import { stack } from '../support/env';
import { newUser } from '../support/fixtures';
import { errorCodes, gql } from '../support/graphql';
import { authSigningKey, signAccessToken, unsignedToken } from '../support/tokens';

const ME = `{ me { id } }`;
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens that must be refused, at the gateway and at each subgraph', () => {
  let userId: string;
  let validToken: string;

  beforeAll(async () => {
    const user = await newUser('tokens');
    userId = user.userId;
    validToken = user.token;
  });

  const forged: [string, () => Promise<string>][] = [
    [
      'no signature (alg: none)',
      async () =>
        unsignedToken({
          sub: userId,
          roles: ['ADMIN'],
          iss: 'rewardgraph-auth',
          aud: 'rewardgraph-api',
          exp: 9999999999,
        }),
    ],
    [
      'HS256 keyed with the public key',
      async () => {
        const { publicJwk, kid } = await authSigningKey();
        const head = `${b64({ alg: 'HS256', kid, typ: 'at+jwt' })}.${b64({ sub: userId, roles: ['ADMIN'], iss: 'rewardgraph-auth', aud: 'rewardgraph-api', iat: 1, exp: 9999999999 })}`;
        const mac = createHmac('sha256', JSON.stringify(publicJwk)).update(head).digest('base64url');
        return `${head}.${mac}`;
      },
    ],
    ['a wrong audience', () => signAccessToken({ sub: userId, audience: 'someone-else' })],
    ['a wrong issuer', () => signAccessToken({ sub: userId, issuer: 'evil-issuer' })],
    ['an expiry in the past', () => signAccessToken({ sub: userId, expiresInSeconds: -60 })],
    ['an unknown kid', () => signAccessToken({ sub: userId, kid: 'no-such-key' })],
    ['another token type', () => signAccessToken({ sub: userId, typ: 'JWT' })],
    [
      'a tampered payload',
      async () => {
        const [head, , signature] = validToken.split('.');
        return `${head}.${b64({ sub: userId, roles: ['ADMIN'], iss: 'rewardgraph-auth', aud: 'rewardgraph-api', exp: 9999999999 })}.${signature}`;
      },
    ],
  ];

  it.each(forged)('when a token has %s, then me is UNAUTHENTICATED everywhere', async (_case, forge) => {
    const token = await forge();
    for (const url of [`${stack().gatewayUrl}/graphql`, `${stack().authUrl}/graphql`]) {
      const result = await gql(ME, {}, { token, url });
      expect({ url, codes: errorCodes(result) }).toEqual({ url, codes: ['UNAUTHENTICATED'] });
      expect(result.data?.me ?? null).toBeNull();
    }
  });

  it('when there is no token, then protected fields are UNAUTHENTICATED', async () => {
    expect(errorCodes(await gql(ME))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(`{ events { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('when a token is properly signed by the auth key, then it is accepted (the forgeries above fail for their flaw alone)', async () => {
    const token = await signAccessToken({ sub: userId });
    const result = await gql<{ me: { id: string } }>(ME, {}, { token });
    expect(result.data?.me.id).toBe(userId);
  });
});
