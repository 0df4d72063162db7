import { randomUUID } from 'node:crypto';
import {
  CLIENT_IP_HEADER,
  REFRESH_TOKEN_HEADER,
  signForwardedContext,
  type ForwardedContext,
} from '@rewardgraph/service-kit';
import { LoginDocument, SignUpDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser, uniqueEmail } from '../support/fixtures';
import { errorCodes, gql, randomClientIp } from '../support/graphql';
import { E2E_LIMITS, startAuthInstance, startEventsInstance, type ExtraInstance } from '../support/stack';

/**
 * The subgraphs trust nobody on the network: called directly, they refuse forwarded
 * context the gateway did not sign, count a direct caller by its socket address, apply
 * the gateway's query limits and, in production, keep their SDL to the gateway.
 */
const SUBGRAPHS = ['authUrl', 'eventsUrl'] as const;
const graphqlOf = (which: (typeof SUBGRAPHS)[number]) => `${stack()[which]}/graphql`;
const forwarded = (clientIp = randomClientIp()): ForwardedContext => ({ requestId: randomUUID(), clientIp });
const wrongLogin = () => ({ input: { email: uniqueEmail('nobody'), password: 'not-the-password-1' } });
const perIpLoginLimit = Number(E2E_LIMITS.LOGIN_LIMIT_PER_IP.split('/')[0]);

describe('forwarded context at the subgraphs', () => {
  it.each(SUBGRAPHS)(
    'when a caller of %s forwards a client address unsigned, wrongly signed or with a stale signature, then it is refused FORBIDDEN; signed by the gateway it is served',
    async (which) => {
      const url = graphqlOf(which);
      const cases: [string, Record<string, string>][] = [
        ['without a signature', { [CLIENT_IP_HEADER]: '198.51.100.7' }],
        ['invalid signature', signForwardedContext('a-secret-the-gateway-does-not-hold-000', forwarded())],
        [
          'stale signature',
          signForwardedContext(stack().signingSecret, forwarded(), Date.now() - 2 * 60_000),
        ],
      ];
      for (const [reason, headers] of cases) {
        const refused = await gql(`{ __typename }`, {}, { url, headers });
        expect({ reason, status: refused.status, codes: errorCodes(refused) }).toEqual({
          reason,
          status: 403,
          codes: ['FORBIDDEN'],
        });
        expect(refused.errors?.[0].message).toContain(reason);
        expect(refused.data ?? null).toBeNull();
      }

      const signed = await gql(
        `{ __typename }`,
        {},
        { url, headers: signForwardedContext(stack().signingSecret, forwarded()) },
      );
      expect(signed.status).toBe(200);
      expect(signed.data).toEqual({ __typename: 'Query' });
    },
  );

  it('when a sign-up arrives at auth with a forged client address, then nothing runs and the account can still be created through the gateway', async () => {
    const input = { email: uniqueEmail('forged'), password: `pw-${randomUUID()}` };

    const refused = await gql(
      SignUpDocument,
      { input },
      { url: graphqlOf('authUrl'), headers: { [CLIENT_IP_HEADER]: '198.51.100.8' } },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);

    const created = await gql(SignUpDocument, { input });
    expect(errorCodes(created)).toEqual([]);
    expect(created.data?.signUp.id).toEqual(expect.any(String));
  });

  it('when a caller sends a refresh token to auth without the gateway signature, then it is refused', async () => {
    const refused = await gql(
      `mutation { refreshToken { accessToken } }`,
      {},
      { url: graphqlOf('authUrl'), headers: { [REFRESH_TOKEN_HEADER]: 'a-guessed-or-stolen-token' } },
    );
    expect({ status: refused.status, codes: errorCodes(refused) }).toEqual({
      status: 403,
      codes: ['FORBIDDEN'],
    });
  });

  it('when an attacker forges a victim address at auth, then none of it counts against the victim, whose login through the gateway is recorded under that address', async () => {
    const victimIp = randomClientIp();
    const victim = await newUser('victim');

    for (let i = 0; i < perIpLoginLimit + 5; i++) {
      const forgedAttempt = await gql(LoginDocument, wrongLogin(), {
        url: graphqlOf('authUrl'),
        headers: { [CLIENT_IP_HEADER]: victimIp },
      });
      expect(errorCodes(forgedAttempt)).toEqual(['FORBIDDEN']);
    }

    const login = await gql(
      LoginDocument,
      { input: { email: victim.email, password: victim.password } },
      { headers: { 'x-forwarded-for': victimIp } },
    );
    expect(errorCodes(login)).toEqual([]);
    // The gateway's signed client address reached auth: the login is on record under it.
    const addresses = await withDb(stack().userDbUrl, (db) =>
      db.collection('logins').distinct('clientIp', { userId: victim.userId }),
    );
    expect(addresses).toContain(victimIp);
  });
});

describe('a direct caller is counted by its socket address', () => {
  let auth: ExtraInstance;

  beforeAll(async () => {
    // Its own limiter store, so this test's exhausted budget never meets other tests or runs.
    auth = await startAuthInstance(stack(), 'auth-direct-limits', 14101, {
      SECURE_REDIS_URL: stack().secureRedisUrl.replace(/\/\d+$/, '/2'),
      LOGIN_LIMIT_PER_IP: '5/60',
    });
  });
  afterAll(() => auth?.stop());

  it('when direct unsigned logins exceed the per-IP limit, then they are refused, and choosing another address does not dodge it', async () => {
    const url = `${auth.url}/graphql`;
    const codes: (string | undefined)[] = [];
    for (let i = 0; i <= 5 && !codes.includes('RATE_LIMITED'); i++) {
      codes.push(...errorCodes(await gql(LoginDocument, wrongLogin(), { url })));
    }
    // A run less than a minute earlier may have left the budget spent already.
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(codes.slice(0, -1).every((code) => code === 'UNAUTHENTICATED')).toBe(true);

    const dodge = await gql(LoginDocument, wrongLogin(), {
      url,
      headers: { [CLIENT_IP_HEADER]: randomClientIp() },
    });
    expect(errorCodes(dodge)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(LoginDocument, wrongLogin(), { url }))).toEqual(['RATE_LIMITED']);
  });
});

describe('query limits at the subgraphs', () => {
  const roots = {
    authUrl: 'users(first: 100) { nodes { id } }',
    eventsUrl: 'events(first: 100) { nodes { id } }',
  };

  it.each(SUBGRAPHS)(
    'when a direct caller of %s sends 200 aliased lists, then it is refused before it runs, as the gateway refuses it',
    async (which) => {
      const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: ${roots[which]}`).join(' ')} }`;
      const [direct, viaGateway] = await Promise.all([gql(query, {}, { url: graphqlOf(which) }), gql(query)]);

      expect(direct.status).toBe(400);
      expect(direct.data ?? null).toBeNull();
      expect(direct.errors?.some((e) => /aliases/i.test(e.message))).toBe(true);
      expect(errorCodes(direct)[0]).toBe(errorCodes(viaGateway)[0]);
      expect(errorCodes(direct)[0]).not.toBe('INTERNAL_SERVER_ERROR');
    },
  );

  it.each(SUBGRAPHS)(
    'when a direct caller of %s nests a query deeper than the limit, then it is refused, as the gateway refuses it',
    async (which) => {
      const query = `{ ${'... on Query { '.repeat(12)}__typename${' }'.repeat(12)} }`;
      const [direct, viaGateway] = await Promise.all([gql(query, {}, { url: graphqlOf(which) }), gql(query)]);

      expect(direct.status).toBe(400);
      expect(direct.data ?? null).toBeNull();
      expect(direct.errors?.[0].message).toMatch(/depth limit of 11 exceeded/);
      expect(viaGateway.errors?.[0].message).toMatch(/depth limit of 10 exceeded/);
      expect(errorCodes(direct)[0]).toBe(errorCodes(viaGateway)[0]);
    },
  );
});

describe('a subgraph in production', () => {
  let events: ExtraInstance;
  const SDL = `{ _service { sdl } }`;

  beforeAll(async () => {
    events = await startEventsInstance(stack(), 'events-production', 14102, { NODE_ENV: 'production' });
  });
  afterAll(() => events?.stop());

  it('when an unsigned caller asks for its SDL or introspects it, then both are refused', async () => {
    const url = `${events.url}/graphql`;
    const sdl = await gql(SDL, {}, { url });
    expect(errorCodes(sdl)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(sdl)).not.toContain('type Event');

    const introspection = await gql(`{ __schema { types { name } } }`, {}, { url });
    expect(introspection.status).toBe(400);
    expect(introspection.data ?? null).toBeNull();
  });

  it('when the gateway asks for its SDL with a signed request, then it is served', async () => {
    const signed = await gql<{ _service: { sdl: string } }>(
      SDL,
      {},
      { url: `${events.url}/graphql`, headers: signForwardedContext(stack().signingSecret, forwarded()) },
    );
    expect(errorCodes(signed)).toEqual([]);
    expect(signed.data?._service.sdl).toContain('type Event');
  });
});
