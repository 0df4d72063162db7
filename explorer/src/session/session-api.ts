import { callGateway } from '../gateway-api';

/** What a sign-in or a refresh gives: the access token and whom it is for. */
export interface Session {
  accessToken: string;
  expiresAt: string;
  user: { email: string; roles: string[] };
}

const SESSION_FIELDS = 'accessToken expiresAt user { email roles }';

const LOGIN = `mutation ExplorerLogin($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} } }`;
const REFRESH = `mutation ExplorerRefresh { refreshToken { ${SESSION_FIELDS} } }`;
const LOGOUT = 'mutation ExplorerLogout { logout }';

/** The gateway answers with the access token and sets the HttpOnly refresh cookie. */
export const login = async (email: string, password: string): Promise<Session> =>
  (await callGateway<{ login: Session }>(LOGIN, { input: { email, password } })).login;

/** Exchanges the refresh cookie (sent by the browser, unreadable here) for a new access token. */
export const refresh = async (): Promise<Session> =>
  (await callGateway<{ refreshToken: Session }>(REFRESH)).refreshToken;

/** Ends the session of the token and of the cookie; the gateway clears the cookie. */
export const logout = async (authorization: string): Promise<void> => {
  await callGateway(LOGOUT, {}, { authorization });
};
