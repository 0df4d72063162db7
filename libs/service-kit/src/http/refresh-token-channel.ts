/**
 * How the gateway, which owns the refresh cookie, and the auth service, which owns
 * sessions, pass refresh tokens: browsers only ever see the HttpOnly cookie.
 */
/** Gateway → auth: the value of the caller's refresh cookie. */
export const REFRESH_TOKEN_HEADER = 'x-rewardgraph-refresh-token';
/** Auth → gateway: what to do with the cookie (JSON of RefreshCookieInstruction). */
export const SET_REFRESH_TOKEN_HEADER = 'x-rewardgraph-set-refresh-token';

export type RefreshCookieInstruction = { token: string; maxAgeSeconds: number } | { clear: true };
