import {
  REFRESH_TOKEN_HEADER,
  SET_REFRESH_TOKEN_HEADER,
  type RefreshCookieInstruction,
  type ServiceContext,
} from '@rewardgraph/service-kit';

/** The refresh token the gateway read from the caller's cookie. */
export const refreshTokenOf = (context: ServiceContext) =>
  context.http.header(REFRESH_TOKEN_HEADER) || undefined;

/** Asks the gateway to set or clear the caller's refresh cookie. */
export function instructRefreshCookie(context: ServiceContext, instruction: RefreshCookieInstruction): void {
  context.http.setHeader(SET_REFRESH_TOKEN_HEADER, JSON.stringify(instruction));
}
