// @ts-check
// A player's session from start to end: sign in, read who they are, renew the access
// token with the refresh cookie (the interpreters keep each VU's cookies), sign out.
import { LoginDocument, LogoutDocument, MeDocument, RefreshTokenDocument } from '../operations.js';

/** @type {import('./types.js').Scenario} */
export const authSessions = {
  name: 'auth-sessions',
  description: 'players sign in, read their account, refresh the session and sign out',
  actor: 'player',
  setup: [],
  steps: [
    {
      name: 'login',
      operation: LoginDocument,
      as: 'anonymous',
      variables: ({ player }) => ({ input: player }),
      keep: ({ login }, { state }) => {
        state.session = login.accessToken;
      },
    },
    {
      name: 'me',
      operation: MeDocument,
      as: 'session',
      check: ({ me }, { player }) => me.email === player.email || `signed in as ${me.email}`,
    },
    {
      name: 'refresh',
      operation: RefreshTokenDocument,
      as: 'anonymous',
      keep: ({ refreshToken }, { state }) => {
        state.session = refreshToken.accessToken;
      },
    },
    {
      name: 'logout',
      operation: LogoutDocument,
      as: 'session',
      check: ({ logout }) => logout === true || 'not signed out',
    },
  ],
  pauseSeconds: 1,
  options: {
    scenarios: { sessions: { executor: 'constant-vus', vus: 20, duration: '1m' } },
    thresholds: {
      checks: ['rate>0.99'],
      // argon2id makes a login deliberately slow (docs/auth.md).
      'http_req_duration{step:login}': ['p(95)<1500'],
      'http_req_duration{step:me}': ['p(95)<200'],
      'http_req_duration{step:refresh}': ['p(95)<300'],
    },
  },
};
