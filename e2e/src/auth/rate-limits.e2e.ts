import { randomUUID } from 'node:crypto';
import { SignUpDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser, uniqueEmail } from '../support/fixtures';
import { errorCodes, gql, randomClientIp, type GraphQLResult } from '../support/graphql';
import { loginCall, refreshCall } from '../support/sessions';
import { E2E_GATEWAY_LIMIT, E2E_LIMITS } from '../support/stack';

const points = (limit: string) => Number(limit.split('/')[0]);
const count = (results: GraphQLResult<unknown>[], code: string) =>
  results.flatMap(errorCodes).filter((c) => c === code).length;
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('rate limits on credentials, under concurrency', () => {
  const wrongPasswords = (email: string, n: number, ip: () => string) =>
    Promise.all(Array.from({ length: n }, () => loginCall(email, 'wrong-password-xyz', from(ip()))));

  it.each([
    ['an account', async () => (await newUser('brute')).email],
    ['an unknown email, counted the same so limits reveal no accounts', async () => uniqueEmail('nobody')],
  ])(
    'when forty wrong-password logins for %s race from forty addresses, then exactly the per-account ceiling is checked and the excess is RATE_LIMITED',
    async (_case, emailOf) => {
      const email = await emailOf();
      const ceiling = points(E2E_LIMITS.LOGIN_LIMIT_PER_ACCOUNT);

      const results = await wrongPasswords(email, 40, randomClientIp);

      expect(count(results, 'UNAUTHENTICATED')).toBe(ceiling);
      expect(count(results, 'RATE_LIMITED')).toBe(40 - ceiling);
      const limited = results
        .flatMap((r) => r.errors ?? [])
        .find((e) => e.extensions?.code === 'RATE_LIMITED')!;
      expect(limited.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    },
  );

  it('when the per-account ceiling is reached from many addresses, then it holds for every address, the right password included', async () => {
    const user = await newUser('distributed');
    await wrongPasswords(user.email, points(E2E_LIMITS.LOGIN_LIMIT_PER_ACCOUNT), randomClientIp);

    expect(errorCodes(await loginCall(user.email, user.password, from(randomClientIp())))).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it("when an attacker sends as many wrong passwords as the account's ceiling from one address, then only that address is stopped and the owner signs in from another", async () => {
    const victim = await newUser('victim');
    const attacker = randomClientIp();
    // As many as the ceiling (within the attacker's per-IP allowance): counted on the account, they would lock it.
    const attempts = points(E2E_LIMITS.LOGIN_LIMIT_PER_ACCOUNT);
    const perAddress = points(E2E_LIMITS.LOGIN_LIMIT_PER_ACCOUNT_IP);

    const results = await wrongPasswords(victim.email, attempts, () => attacker);

    expect(count(results, 'UNAUTHENTICATED')).toBe(perAddress);
    expect(count(results, 'RATE_LIMITED')).toBe(attempts - perAddress);
    const owner = await loginCall(victim.email, victim.password, from(randomClientIp()));
    expect(owner.data?.login.user.id).toBe(victim.userId);
    expect(errorCodes(await loginCall(victim.email, victim.password, from(attacker)))).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it('when one request carries thirty aliased logins, then each alias is counted and the per-IP limit stops the excess', async () => {
    const user = await newUser('aliases');
    const limit = points(E2E_LIMITS.LOGIN_LIMIT_PER_IP);
    const aliases = Array.from(
      { length: 30 },
      (_, i) =>
        `a${i}: login(input: { email: "${user.email}", password: "${user.password}" }) { accessToken }`,
    );

    const result = await gql(`mutation { ${aliases.join('\n')} }`, {}, { headers: from(randomClientIp()) });

    expect(errorCodes(result)).toEqual(['RATE_LIMITED']);
    const recorded = await withDb(stack().userDbUrl, (db) =>
      db.collection('logins').countDocuments({ userId: user.userId }),
    );
    // newUser's own login, plus exactly `limit` aliases before the limiter refused the next one.
    expect(recorded).toBe(1 + limit);
  });

  it('when one client IP tries many accounts at once, then the per-IP limit holds exactly', async () => {
    const ip = randomClientIp();
    const limit = points(E2E_LIMITS.LOGIN_LIMIT_PER_IP);

    const results = await Promise.all(
      Array.from({ length: limit + 5 }, () => loginCall(uniqueEmail('spray'), 'whatever-password', from(ip))),
    );

    expect(count(results, 'UNAUTHENTICATED')).toBe(limit);
    expect(count(results, 'RATE_LIMITED')).toBe(5);
  });

  it("when a correct password follows a few typos from the owner's address, then it clears them and the typos never lock the owner", async () => {
    const user = await newUser('typos');
    const home = from(randomClientIp());
    const typos = points(E2E_LIMITS.LOGIN_LIMIT_PER_ACCOUNT_IP) - 1;

    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < typos; i++)
        expect(errorCodes(await loginCall(user.email, `typo-password-${i}`, home))).toEqual([
          'UNAUTHENTICATED',
        ]);
      expect((await loginCall(user.email, user.password, home)).data?.login).toBeDefined();
    }
  });

  it('when sign-ups from one IP race, then only the limit is created', async () => {
    const ip = randomClientIp();
    const limit = points(E2E_LIMITS.SIGNUP_LIMIT_PER_IP);
    const tag = randomUUID();

    const results = await Promise.all(
      Array.from({ length: limit + 3 }, (_, i) =>
        gql(
          SignUpDocument,
          { input: { email: `farm-${i}-${tag}@e2e.rewardgraph.test`, password: 'long-enough-password' } },
          { headers: from(ip) },
        ),
      ),
    );

    expect(results.filter((r) => r.data?.signUp)).toHaveLength(limit);
    expect(count(results, 'RATE_LIMITED')).toBe(3);
    const created = await withDb(stack().userDbUrl, (db) =>
      db.collection('users').countDocuments({ email: { $regex: tag } }),
    );
    expect(created).toBe(limit);
  });

  it('when refreshes from one IP race, then the per-IP limit holds exactly', async () => {
    const ip = randomClientIp();
    const limit = points(E2E_LIMITS.REFRESH_LIMIT_PER_IP);

    const results = await Promise.all(
      Array.from({ length: limit + 4 }, () => refreshCall(`rgr_${randomUUID()}`, from(ip))),
    );

    expect(count(results, 'UNAUTHENTICATED')).toBe(limit);
    expect(count(results, 'RATE_LIMITED')).toBe(4);
  });

  it('when a user calls a @rateLimit field (me: 120 a minute) past its limit, then the excess is RATE_LIMITED', async () => {
    const { token } = await newUser('chatty');
    const results: GraphQLResult<unknown>[] = [];
    for (let i = 0; i < 125; i++) results.push(await gql(`{ me { id } }`, {}, { token }));

    expect(results.slice(0, 120).flatMap(errorCodes)).toEqual([]);
    expect(count(results.slice(120), 'RATE_LIMITED')).toBe(5);
  });

  it('when one client IP floods the gateway, then the excess gets HTTP 429 with RATE_LIMITED and Retry-After', async () => {
    const ip = randomClientIp();
    const limit = points(E2E_GATEWAY_LIMIT);
    const send = () =>
      fetch(`${stack().gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from(ip) },
        body: JSON.stringify({ query: '{ __typename }' }),
      });

    const responses = await Promise.all(Array.from({ length: limit + 6 }, send));

    expect(responses.filter((r) => r.status === 200)).toHaveLength(limit);
    const refused = responses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(6);
    expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      ((await refused[0].json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    ).toBe('RATE_LIMITED');
  });

  it('when a client sends a batch of operations in one HTTP request, then the gateway refuses the batch', async () => {
    const response = await fetch(`${stack().gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('when an operation carries more aliases than allowed, then it is refused before it runs', async () => {
    const { token } = await newUser('aliases-limit');
    const within = Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ');
    const beyond = Array.from({ length: 51 }, (_, i) => `a${i}: me { id }`).join(' ');

    expect(errorCodes(await gql(`{ ${within} }`, {}, { token }))).toEqual([]);
    const refused = await gql(`{ ${beyond} }`, {}, { token });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0].message).toMatch(/aliases/i);
  });
});
