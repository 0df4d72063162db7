import { stack } from '../support/env';
import { errorCodes, gql } from '../support/graphql';
import {
  eventually,
  logoutCall,
  newCookieSession,
  refreshCall,
  refreshCookieOf,
  REFRESH_COOKIE,
} from '../support/sessions';

const ME = `{ me { id } }`;
const meRefused = async (token: string) => errorCodes(await gql(ME, {}, { token }))[0] === 'UNAUTHENTICATED';

describe('sessions: refresh cookie, rotation, reuse and logout', () => {
  it('when a user logs in, then the refresh token arrives only as an HttpOnly, Secure, SameSite=Strict cookie on /graphql', async () => {
    const session = await newCookieSession('cookie');
    const result = await refreshCall(session.refresh);
    const cookie = refreshCookieOf(result)!;

    expect(cookie.value).toMatch(/^rgr_[\w-]{43}$/);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/graphql']),
    );
    expect(cookie.attributes.find((a) => a.startsWith('Max-Age='))).toBeDefined();
    expect(JSON.stringify(result.data)).not.toContain(cookie.value);
  });

  it('when the cookie is used, then it is rotated: a new token comes back and the user is the same', async () => {
    const session = await newCookieSession('rotate');

    const first = await refreshCall(session.refresh);
    const rotated = refreshCookieOf(first)!.value;
    const second = await refreshCall(rotated);

    expect(first.data?.refreshToken.user.id).toBe(session.userId);
    expect(rotated).not.toBe(session.refresh);
    expect(second.data?.refreshToken.user.id).toBe(session.userId);
  });

  it('when a rotated refresh token is presented again, then the whole family and its access tokens are revoked', async () => {
    const session = await newCookieSession('reuse');
    const rotation = await refreshCall(session.refresh);
    const current = refreshCookieOf(rotation)!.value;
    const currentAccess = rotation.data!.refreshToken.accessToken;

    const replay = await refreshCall(session.refresh);

    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
    expect(refreshCookieOf(replay)?.value).toBe('');
    expect(errorCodes(await refreshCall(current))).toEqual(['UNAUTHENTICATED']);
    expect(await eventually(() => meRefused(currentAccess))).toBe(true);
    expect(await eventually(() => meRefused(session.token))).toBe(true);
  });

  it('when six refreshes race with one token, then exactly one succeeds', async () => {
    const session = await newCookieSession('race');

    const results = await Promise.all(Array.from({ length: 6 }, () => refreshCall(session.refresh)));

    const succeeded = results.filter((r) => r.data?.refreshToken);
    expect(succeeded).toHaveLength(1);
    expect(results.flatMap(errorCodes)).toEqual(Array(5).fill('UNAUTHENTICATED'));
  });

  it('when a user logs out, then the access token is refused within seconds, the refresh token is dead and the cookie is cleared', async () => {
    const session = await newCookieSession('logout');
    expect(await meRefused(session.token)).toBe(false);

    const result = await logoutCall(session.token, session.refresh);

    expect(result.data).toEqual({ logout: true });
    expect(refreshCookieOf(result)?.value).toBe('');
    expect(await eventually(() => meRefused(session.token))).toBe(true);
    expect(errorCodes(await refreshCall(session.refresh))).toEqual(['UNAUTHENTICATED']);
  });

  it('when there is no refresh cookie, then refreshToken is UNAUTHENTICATED', async () => {
    expect(errorCodes(await refreshCall())).toEqual(['UNAUTHENTICATED']);
  });

  it('when a form-style text/plain POST carries the cookie, then it is refused (415) before it runs', async () => {
    const session = await newCookieSession('csrf');

    const response = await fetch(`${stack().gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `${REFRESH_COOKIE}=${session.refresh}` },
      body: JSON.stringify({ query: 'mutation { refreshToken { accessToken } }' }),
    });

    expect(response.status).toBe(415);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await refreshCall(session.refresh)).data?.refreshToken).toBeDefined();
  });

  it('when a browser on an allowed origin preflights, then credentials are allowed; another origin gets no CORS grant', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack().gatewayUrl}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });

    const allowed = await preflight('http://localhost:5173');
    const other = await preflight('https://evil.example');

    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
