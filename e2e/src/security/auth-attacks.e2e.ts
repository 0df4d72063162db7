import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignUpDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser, uniqueEmail } from '../support/fixtures';
import { errorCodes, gql, randomClientIp } from '../support/graphql';
import { loginCall, newCookieSession, refreshCall, refreshCookieOf } from '../support/sessions';
import { E2E_LIMITS, startAuthInstance, type ExtraInstance } from '../support/stack';
import { signAccessToken } from '../support/tokens';

const points = (limit: string) => Number(limit.split('/')[0]);
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The e2e stack issues tokens with the default lifetime (ACCESS_TOKEN_TTL_SECONDS). */
const TTL = 600;

describe('access tokens with impossible times, signed with the real key', () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await newUser('times')).userId;
  });

  it.each([
    ['issued a minute in the future', { issuedInSeconds: 60, expiresInSeconds: 300 }],
    ['an expiry ten years ahead', { issuedInSeconds: -10, expiresInSeconds: 10 * 365 * 86_400 }],
    ['a lifetime just over the TTL', { issuedInSeconds: -10, expiresInSeconds: TTL }],
    [
      'an issue time older than the TTL and an expiry still ahead',
      { issuedInSeconds: -TTL - 60, expiresInSeconds: 60 },
    ],
  ])('when a token has %s, then the gateway and both subgraphs refuse it', async (_case, times) => {
    const token = await signAccessToken({ sub: userId, roles: ['ADMIN'], ...times });
    const calls: [string, string][] = [
      [`${stack().gatewayUrl}/graphql`, `{ me { id } }`],
      [`${stack().authUrl}/graphql`, `{ me { id } }`],
      [`${stack().eventsUrl}/graphql`, `{ events(first: 1) { totalCount } }`],
    ];
    for (const [url, query] of calls) {
      const result = await gql(query, {}, { token, url });
      expect({ url, codes: errorCodes(result) }).toEqual({ url, codes: ['UNAUTHENTICATED'] });
    }
  });

  it('when a token is issued now for the TTL, then it is accepted (the cases above fail for their times alone)', async () => {
    const token = await signAccessToken({ sub: userId, issuedInSeconds: 0, expiresInSeconds: TTL });
    expect((await gql<{ me: { id: string } }>(`{ me { id } }`, {}, { token })).data?.me.id).toBe(userId);
  });
});

describe('a rate-limited refresh leaves the refresh token usable', () => {
  it('when a refresh is refused by its address limit, then the cookie stays and the same token works from elsewhere', async () => {
    const session = await newCookieSession('limited-ip');
    const busy = randomClientIp();
    await Promise.all(
      Array.from({ length: points(E2E_LIMITS.REFRESH_LIMIT_PER_IP) }, () =>
        refreshCall(`rgr_${randomUUID()}`, from(busy)),
      ),
    );

    const refused = await refreshCall(session.refresh, from(busy));
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect(refreshCookieOf(refused)).toBeNull();

    const retry = await refreshCall(session.refresh, from(randomClientIp()));
    expect(retry.data?.refreshToken.user.id).toBe(session.userId);
    const next = refreshCookieOf(retry)!.value;
    expect((await refreshCall(next)).data?.refreshToken.user.id).toBe(session.userId);
  });

  it("when refreshes of one account's sessions race past its limit, then exactly the limit rotate, and the refused one rotates after the window", async () => {
    const email = uniqueEmail('limited-account');
    const password = `pw-${randomUUID()}`;
    await gql(`mutation ($input: SignUpInput!) { signUp(input: $input) { id } }`, {
      input: { email, password },
    });
    const limit = points(E2E_LIMITS.REFRESH_LIMIT_PER_ACCOUNT);
    const cookies: string[] = [];
    for (let i = 0; i <= limit; i++) cookies.push(refreshCookieOf(await loginCall(email, password))!.value);

    const results = await Promise.all(cookies.map((cookie) => refreshCall(cookie)));

    expect(results.filter((r) => r.data?.refreshToken)).toHaveLength(limit);
    const refusedAt = results.findIndex((r) => errorCodes(r)[0] === 'RATE_LIMITED');
    expect(refusedAt).toBeGreaterThanOrEqual(0);
    expect(refreshCookieOf(results[refusedAt])).toBeNull();
    const wait = Number(results[refusedAt].errors![0].extensions!.retryAfterSeconds);
    expect(wait).toBeGreaterThan(0);

    await sleep(wait * 1000 + 500);
    const retry = await refreshCall(cookies[refusedAt]);
    expect(errorCodes(retry)).toEqual([]);
    const token = retry.data!.refreshToken.accessToken;
    expect((await gql<{ me: { email: string } }>(`{ me { email } }`, {}, { token })).data?.me.email).toBe(
      email,
    );
  }, 30_000);
});

describe('ADMIN_EMAIL cannot be taken over by signing it up', () => {
  const port = () => Number(new URL(stack().authUrl).port) + 104;
  const takeoverDb = () => stack().userDbUrl.replace(/_users$/, '_takeover_users');
  let instance: ExtraInstance | undefined;

  const start = async (name: string, env: Record<string, string>) => {
    // Called directly, every sign-up comes from 127.0.0.1: the per-IP limit is not under test here.
    instance = await startAuthInstance(stack(), name, port(), { SIGNUP_LIMIT_PER_IP: '1000/3600', ...env });
    return `${instance.url}/graphql`;
  };

  afterEach(async () => {
    await instance?.stop();
    instance = undefined;
  });
  afterAll(() => withDb(takeoverDb(), (db) => db.dropDatabase()));

  it("when someone signs up the admin's email in another letter case through the gateway, then it is CONFLICT", async () => {
    const result = await gql(SignUpDocument, {
      input: { email: stack().adminEmail.toUpperCase(), password: 'takeover-password-1' },
    });
    expect(errorCodes(result)).toEqual(['CONFLICT']);
  });

  it('when someone signed up the address before it became ADMIN_EMAIL, then the bootstrap does not promote it and tells the operator', async () => {
    const boss = uniqueEmail('boss');
    const attackerPassword = `pw-${randomUUID()}`;
    const before = await start('auth-takeover-before', { USER_DB_URL: takeoverDb() });
    expect(
      errorCodes(
        await gql(SignUpDocument, { input: { email: boss, password: attackerPassword } }, { url: before }),
      ),
    ).toEqual([]);
    await instance!.stop();

    const name = 'auth-takeover-after';
    const after = await start(name, {
      USER_DB_URL: takeoverDb(),
      ADMIN_EMAIL: boss,
      ADMIN_PASSWORD: 'operator-chosen-password',
    });

    const login = await gql<{ login: { accessToken: string; user: { roles: string[] } } }>(
      `mutation ($input: LoginInput!) { login(input: $input) { accessToken user { roles } } }`,
      { input: { email: boss, password: attackerPassword } },
      { url: after },
    );
    expect(login.data?.login.user.roles).toEqual(['USER']);
    const admins = await withDb(takeoverDb(), (db) =>
      db.collection('users').countDocuments({ roles: 'ADMIN' }),
    );
    expect(admins).toBe(0);
    const log = readFileSync(join(stack().logsDir, `${name}.log`), 'utf8');
    expect(log).toMatch(/ADMIN_EMAIL names an account someone already signed up, which is NOT promoted/);
  });

  it('when ADMIN_EMAIL names an address without an account while an admin exists, then signing it up is answered as a taken email and writes nothing', async () => {
    const reserved = uniqueEmail('reserved');
    const url = await start('auth-reserved', {
      ADMIN_EMAIL: reserved,
      ADMIN_PASSWORD: 'operator-chosen-password',
    });
    const taken = await gql(
      SignUpDocument,
      { input: { email: stack().adminEmail, password: 'some-password-1' } },
      { url },
    );

    const result = await gql(
      SignUpDocument,
      { input: { email: reserved.toUpperCase(), password: 'some-password-1' } },
      { url },
    );

    expect(errorCodes(result)).toEqual(['CONFLICT']);
    expect(result.errors?.[0].message).toBe(taken.errors?.[0].message);
    const stored = await withDb(stack().userDbUrl, (db) =>
      db.collection('users').countDocuments({ email: reserved }),
    );
    expect(stored).toBe(0);
  });
});
