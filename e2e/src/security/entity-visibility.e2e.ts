import { randomUUID } from 'node:crypto';
import { sessionWithRole } from '../support/catalog';
import { stack } from '../support/env';
import { adminSession, newUser, uniqueEmail, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { newCookieSession, refreshCall } from '../support/sessions';

/**
 * Who sees whom (product.md §2): staff see the id and email of any user they reach,
 * only an ADMIN sees another user's roles, a USER sees only themself; root fields and
 * `_entities` apply the same rule. A refused field is FORBIDDEN: `roles` is non-null,
 * so its entity comes back null next to the error.
 */
const ENTITIES = (selection: string) =>
  `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { ${selection} } } }`;
const authSubgraph = () => `${stack().authUrl}/graphql`;
const eventsSubgraph = () => `${stack().eventsUrl}/graphql`;
const userRef = (id: unknown) => ({ __typename: 'User', id });

type Entities = { _entities: ({ id: string; email?: string; roles?: string[] } | null)[] };
const resolve = (token: string, selection: string, representations: unknown[], url = authSubgraph()) =>
  gql<Entities>(ENTITIES(selection), { r: representations }, { token, url });

describe('who sees whom: the same rule on root fields and on entity references', () => {
  let admin: Session;
  let victim: Session;
  const staff: Record<'OPERATOR' | 'AUDITOR', Session> = {} as never;

  beforeAll(async () => {
    admin = await adminSession();
    victim = await newUser('seen');
    staff.OPERATOR = await sessionWithRole(admin, 'OPERATOR');
    staff.AUDITOR = await sessionWithRole(admin, 'AUDITOR');
  });

  it.each(['AUDITOR', 'OPERATOR'] as const)(
    'when an %s resolves another user through _entities at the auth subgraph, then they get the id and email, and the roles are FORBIDDEN',
    async (role) => {
      const token = staff[role].token;

      const contact = await resolve(token, 'id email', [userRef(victim.userId)]);
      expect(contact.errors).toBeUndefined();
      expect(contact.data?._entities).toEqual([{ id: victim.userId, email: victim.email }]);

      const withRoles = await resolve(token, 'id email roles', [userRef(victim.userId)]);
      expect(errorCodes(withRoles)).toEqual(['FORBIDDEN']);
      expect(withRoles.errors?.[0].path).toEqual(['_entities', 0, 'roles']);
      expect(withRoles.data?._entities).toEqual([null]);
    },
  );

  it('when an AUDITOR resolves themself, then their own roles are visible', async () => {
    const result = await resolve(staff.AUDITOR.token, 'id roles', [userRef(staff.AUDITOR.userId)]);

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0]?.roles).toEqual(expect.arrayContaining(['AUDITOR']));
  });

  it('when an ADMIN resolves another user, then the roles are visible', async () => {
    const result = await resolve(admin.token, 'id email roles', [userRef(victim.userId)]);

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ id: victim.userId, email: victim.email, roles: ['USER'] }]);
  });

  it('when a USER resolves themself and another user in one call, then they see themself whole and the other is FORBIDDEN', async () => {
    const player = await newUser('curious');

    const result = await resolve(player.token, 'id email roles', [
      userRef(player.userId),
      userRef(victim.userId),
    ]);

    expect(result.data?._entities).toEqual([
      { id: player.userId, email: player.email, roles: ['USER'] },
      null,
    ]);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].path).toEqual(['_entities', 1]);
  });

  it("when a USER reaches another user's wallet through the events subgraph's User, then it is FORBIDDEN, and staff may", async () => {
    const player = await newUser('wallet-peek');
    const WALLET = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id wallet { points } } } }`;
    const call = (token: string) =>
      gql<Entities>(WALLET, { r: [userRef(victim.userId)] }, { token, url: eventsSubgraph() });

    expect(errorCodes(await call(player.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await call(staff.AUDITOR.token))).toEqual([]);
  });

  it('when nobody is signed in, then _entities is UNAUTHENTICATED', async () => {
    const result = await gql<Entities>(
      ENTITIES('id email'),
      { r: [userRef(victim.userId)] },
      { url: authSubgraph() },
    );

    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data?._entities ?? [null]).toEqual([null]);
  });

  it('when a representation names a user in upper case, then it resolves to the same user (one canonical id)', async () => {
    const result = await resolve(victim.token, 'id email', [userRef(victim.userId.toUpperCase())]);

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ id: victim.userId, email: victim.email }]);
  });

  it.each([
    ['an operator object as id', [userRef({ $ne: null })]],
    ['an $in list as id', [userRef({ $in: ['a'.repeat(24)] })]],
    ['a malformed id', [userRef('not-an-id')]],
    [
      'an operator object in a field beside the key',
      [{ ...userRef('a'.repeat(24)), email: { $regex: '.' } }],
    ],
    ['no key', [{ __typename: 'User', email: 'x@y.z' }]],
    ['a type that is no entity', [{ __typename: 'AuthPayload', accessToken: 'x' }]],
    [
      'an operator object in an analytics key',
      [{ __typename: 'UserAnalytics', range: { from: { $gt: '' }, to: '2026-01-01T00:00:00Z' } }],
    ],
  ])(
    'when a representation holds %s, then the auth and events subgraphs answer BAD_USER_INPUT without echoing it',
    async (_case, representations) => {
      for (const url of [authSubgraph(), eventsSubgraph()]) {
        const result = await resolve(admin.token, 'id', representations, url);
        expect({ url, codes: errorCodes(result) }).toEqual({ url, codes: ['BAD_USER_INPUT'] });
        expect(JSON.stringify(result.errors)).not.toMatch(/\$ne|\$in|\$regex|\$gt/);
      }
    },
  );

  it('when an Event representation carries an operator object, then the events subgraph answers BAD_USER_INPUT', async () => {
    const result = await gql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Event { id name } } }`,
      { r: [{ __typename: 'Event', id: { $ne: null } }] },
      { token: admin.token, url: eventsSubgraph() },
    );

    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  describe('through the gateway', () => {
    it.each(['AUDITOR', 'OPERATOR'] as const)(
      "when an %s asks for a user by id, then it is FORBIDDEN (listing and looking up users is ADMIN's)",
      async (role) => {
        const result = await gql(
          `query ($id: ID!) { user(id: $id) { id email } }`,
          { id: victim.userId },
          { token: staff[role].token },
        );

        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      },
    );

    it('when an ADMIN asks for a user by id, then id, email and roles come back', async () => {
      const { user } = await gqlOk<{ user: { id: string; email: string; roles: string[] } }>(
        `query ($id: ID!) { user(id: $id) { id email roles } }`,
        { id: victim.userId },
        { token: admin.token },
      );

      expect(user).toEqual({ id: victim.userId, email: victim.email, roles: ['USER'] });
    });

    it('when staff and players read themselves, then they see their own email and roles, wallet included', async () => {
      for (const session of [victim, staff.AUDITOR, staff.OPERATOR]) {
        const { me } = await gqlOk<{ me: { id: string; email: string; roles: string[] } }>(
          `{ me { id email roles wallet { points } } }`,
          {},
          { token: session.token },
        );
        expect(me).toMatchObject({ id: session.userId, email: session.email });
        expect(me.roles).toContain('USER');
      }
    });

    it('when someone signs up, logs in and refreshes without a token, then each answer shows them their own email and roles', async () => {
      const email = uniqueEmail('own');
      const password = `pw-${randomUUID()}`;

      const { signUp } = await gqlOk<{ signUp: { email: string; roles: string[] } }>(
        `mutation ($input: SignUpInput!) { signUp(input: $input) { email roles } }`,
        { input: { email, password } },
      );
      const { login } = await gqlOk<{ login: { user: { email: string; roles: string[] } } }>(
        `mutation ($input: LoginInput!) { login(input: $input) { user { email roles } } }`,
        { input: { email, password } },
      );
      const cookie = await newCookieSession('own-refresh');
      const refreshed = await refreshCall(cookie.refresh);

      expect(signUp).toEqual({ email, roles: ['USER'] });
      expect(login.user).toEqual({ email, roles: ['USER'] });
      expect(refreshed.errors).toBeUndefined();
      expect(refreshed.data?.refreshToken.user).toEqual({
        id: cookie.userId,
        email: cookie.email,
        roles: ['USER'],
      });
    });
  });
});
