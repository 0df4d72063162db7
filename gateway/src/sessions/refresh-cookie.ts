import { type Request, type Response } from 'express';
import { parse } from 'cookie';
import { type RefreshCookieInstruction } from '@rewardgraph/service-kit';

export const REFRESH_COOKIE = 'rg_refresh';
/** The cookie goes only where refreshToken and logout are answered. */
export const REFRESH_COOKIE_PATH = '/graphql';

export const readRefreshCookie = (req: Request): string | undefined =>
  parse(req.header('cookie') ?? '')[REFRESH_COOKIE] || undefined;

/** HttpOnly, SameSite=Strict, narrow path; Secure unless configured off for plain-http localhost. */
export function applyRefreshCookie(
  res: Response,
  instruction: RefreshCookieInstruction,
  secure: boolean,
): void {
  const options = { httpOnly: true, secure, sameSite: 'strict' as const, path: REFRESH_COOKIE_PATH };
  if ('clear' in instruction) res.clearCookie(REFRESH_COOKIE, options);
  else
    res.cookie(REFRESH_COOKIE, instruction.token, { ...options, maxAge: instruction.maxAgeSeconds * 1000 });
}
