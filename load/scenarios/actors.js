// @ts-check
// Signing in the accounts a run needs, as steps the interpreters run like any other:
// each VU's player (signed up first on a fresh stack), and the shared operator (signed
// up and given the OPERATOR role by the admin when missing).
import { LoginDocument, SignUpDocument, UpdateUserRolesDocument } from '../operations.js';

/** @typedef {import('./types.js').Step} Step */

/** @type {(name: string) => Step} */
const login = (name) => ({
  name,
  operation: LoginDocument,
  as: 'anonymous',
  variables: ({ player }) => ({ input: player }),
  // An account a fresh stack does not have yet: the next step signs it up.
  designed: ['UNAUTHENTICATED'],
  keep: ({ login }, { state }) => {
    state.signedIn = { token: login.accessToken, userId: login.user.id, roles: login.user.roles };
  },
});

/** The admin's sign-in: the account exists (the auth service creates it from ADMIN_EMAIL). @type {Step[]} */
export const adminSignIn = [{ ...login('admin login'), designed: [] }];

/** context.player signed in (state.signedIn), signed up first when the account is missing. @type {Step[]} */
export const signIn = [
  login('login'),
  {
    name: 'sign up',
    operation: SignUpDocument,
    as: 'anonymous',
    when: ({ state }) => !state.signedIn,
    variables: ({ player }) => ({ input: player }),
    // Another run signed it up between our login and now.
    designed: ['CONFLICT'],
  },
  { ...login('login after sign-up'), when: ({ state }) => !state.signedIn, designed: [] },
];

/** The operator signed in with the OPERATOR role (a role change revokes older tokens: sign in again). @type {Step[]} */
export const operatorSignIn = [
  ...signIn,
  {
    name: 'grant OPERATOR',
    operation: UpdateUserRolesDocument,
    as: 'admin',
    when: ({ state }) => !state.signedIn.roles.includes('OPERATOR'),
    variables: ({ state }) => ({ id: state.signedIn.userId, roles: ['OPERATOR'] }),
    keep: (_, { state }) => {
      state.promoted = true;
    },
  },
  { ...login('login as OPERATOR'), when: ({ state }) => state.promoted === true, designed: [] },
];
