import { randomUUID } from 'node:crypto';
import { LoginDocument, LogoutDocument, RefreshTokenDocument, SignUpDocument } from '@rewardgraph/api-client';
import { uniqueEmail } from './fixtures';
import { gql, gqlOk, type GraphQLResult } from './graphql';

export const REFRESH_COOKIE = 'rg_refresh';

export interface CookieSession {
  userId: string;
  email: string;
  password: string;
  token: string;
  /** The refresh cookie's value, as a browser would keep it. */
  refresh: string;
}

/** The refresh cookie a response sets: its value ('' when cleared) and its attributes. */
export function refreshCookieOf(result: GraphQLResult<unknown>) {
  const raw = result.headers.getSetCookie().find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
  if (!raw) return null;
  const [pair, ...attributes] = raw.split(';').map((part) => part.trim());
  return { value: decodeURIComponent(pair.slice(REFRESH_COOKIE.length + 1)), attributes, raw };
}

const cookieHeader = (refresh?: string): Record<string, string> =>
  refresh ? { cookie: `${REFRESH_COOKIE}=${encodeURIComponent(refresh)}` } : {};

export const loginCall = (email: string, password: string, headers: Record<string, string> = {}) =>
  gql(LoginDocument, { input: { email, password } }, { headers });

export const refreshCall = (refresh?: string, headers: Record<string, string> = {}) =>
  gql(RefreshTokenDocument, {}, { headers: { ...cookieHeader(refresh), ...headers } });

export const logoutCall = (token: string, refresh?: string) =>
  gql(LogoutDocument, {}, { token, headers: cookieHeader(refresh) });

/** A new USER signed in the way a browser is: access token in the body, refresh token in the cookie. */
export async function newCookieSession(label = 'session'): Promise<CookieSession> {
  const email = uniqueEmail(label);
  const password = `pw-${randomUUID()}`;
  await gqlOk(SignUpDocument, { input: { email, password } });
  const result = await loginCall(email, password);
  const cookie = refreshCookieOf(result);
  if (!result.data || !cookie) throw new Error(`login failed: ${JSON.stringify(result.errors)}`);
  return {
    userId: result.data.login.user.id,
    email,
    password,
    token: result.data.login.accessToken,
    refresh: cookie.value,
  };
}

/** Polls until `check` holds; revocation reaches every service within seconds, not instantly. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}
