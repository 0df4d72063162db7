import { randomUUID } from 'node:crypto';
import { CreateEventDocument, UpdateUserRolesDocument } from '@rewardgraph/api-client';
import { stack } from '../support/env';
import { adminSession, createEvent, login, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { eventually, newCookieSession, refreshCall } from '../support/sessions';
const USERS = `query ($filter: UserFilter, $first: Int) { users(filter: $filter, first: $first) { totalCount nodes { id email roles } } }`;
const DAY = 86_400_000;
const eventInput = () => ({
  name: `roles-${randomUUID()}`,
  periodStart: new Date().toISOString(),
  periodEnd: new Date(Date.now() + DAY).toISOString(),
});

describe('user and role management', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
  });

  it('when the only ADMIN tries to drop their own ADMIN role, then it is a CONFLICT and they stay ADMIN', async () => {
    const admins = await gqlOk<{ users: { totalCount: number } }>(
      USERS,
      { filter: { role: 'ADMIN' } },
      { token: admin.token },
    );
    expect(admins.users.totalCount).toBe(1);

    const result = await gql(
      UpdateUserRolesDocument,
      { id: admin.userId, roles: ['USER'] },
      { token: admin.token },
    );

    expect(errorCodes(result)).toEqual(['CONFLICT']);
    const { me } = await gqlOk<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, { token: admin.token });
    expect(me.roles).toContain('ADMIN');
  });

  it('when two ADMINs demote each other at once, then exactly one change wins and one ADMIN remains', async () => {
    const second = await newUser('second-admin');
    await gqlOk(
      UpdateUserRolesDocument,
      { id: second.userId, roles: ['ADMIN', 'USER'] },
      { token: admin.token },
    );
    const secondAdmin = await login(second.email, second.password);

    const [byFirst, bySecond] = await Promise.all([
      gql(UpdateUserRolesDocument, { id: second.userId, roles: ['USER'] }, { token: admin.token }),
      gql(UpdateUserRolesDocument, { id: admin.userId, roles: ['USER'] }, { token: secondAdmin.token }),
    ]);

    const outcomes = [errorCodes(byFirst)[0] ?? 'OK', errorCodes(bySecond)[0] ?? 'OK'].sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const survivor =
      errorCodes(byFirst).length === 0 ? await adminSession() : await login(second.email, second.password);
    const admins = await gqlOk<{ users: { nodes: { id: string }[] } }>(
      USERS,
      { filter: { role: 'ADMIN' } },
      { token: survivor.token },
    );
    expect(admins.users.nodes).toHaveLength(1);

    // Leave one ADMIN, the bootstrapped one, for the other tests.
    if (survivor.userId !== admin.userId) {
      await gqlOk(
        UpdateUserRolesDocument,
        { id: admin.userId, roles: ['ADMIN', 'USER'] },
        { token: survivor.token },
      );
      const restored = await adminSession();
      await gqlOk(
        UpdateUserRolesDocument,
        { id: survivor.userId, roles: ['USER'] },
        { token: restored.token },
      );
    }
    admin = await adminSession();
  });

  it('when an OPERATOR is demoted, then their live access token and session stop working within seconds', async () => {
    const operator = await newCookieSession('operator');
    await gqlOk(
      UpdateUserRolesDocument,
      { id: operator.userId, roles: ['OPERATOR', 'USER'] },
      { token: admin.token },
    );
    const promoted = await login(operator.email, operator.password);
    await gqlOk(CreateEventDocument, { input: eventInput() }, { token: promoted.token });

    await gqlOk(UpdateUserRolesDocument, { id: operator.userId, roles: ['USER'] }, { token: admin.token });

    const refusedEverywhere = async () => {
      const viaGateway = await gql(CreateEventDocument, { input: eventInput() }, { token: promoted.token });
      const viaSubgraph = await gql(
        CreateEventDocument,
        { input: eventInput() },
        { token: promoted.token, url: `${stack().eventsUrl}/graphql` },
      );
      return (
        errorCodes(viaGateway)[0] === 'UNAUTHENTICATED' && errorCodes(viaSubgraph)[0] === 'UNAUTHENTICATED'
      );
    };
    expect(await eventually(refusedEverywhere, 3000)).toBe(true);
    expect(errorCodes(await refreshCall(operator.refresh))).toEqual(['UNAUTHENTICATED']);
    const again = await login(operator.email, operator.password);
    expect(
      errorCodes(await gql(CreateEventDocument, { input: eventInput() }, { token: again.token })),
    ).toEqual(['FORBIDDEN']);
  });

  it('when an OPERATOR or USER manages users, then it is FORBIDDEN', async () => {
    const operator = await newUser('not-admin');
    await gqlOk(
      UpdateUserRolesDocument,
      { id: operator.userId, roles: ['OPERATOR'] },
      { token: admin.token },
    );
    const session = await login(operator.email, operator.password);
    const player = await newUser('player');

    for (const token of [session.token, player.token]) {
      expect(errorCodes(await gql(USERS, {}, { token }))).toEqual(['FORBIDDEN']);
      expect(
        errorCodes(await gql(`query ($id: ID!) { user(id: $id) { id } }`, { id: player.userId }, { token })),
      ).toEqual(['FORBIDDEN']);
      expect(
        errorCodes(await gql(UpdateUserRolesDocument, { id: player.userId, roles: ['ADMIN'] }, { token })),
      ).toEqual(['FORBIDDEN']);
    }
  });

  it('when an ADMIN looks users up, then user, userByEmail and a filtered users list find them', async () => {
    const player = await newUser('lookup');

    const byId = await gqlOk<{ user: { email: string } }>(
      `query ($id: ID!) { user(id: $id) { email } }`,
      { id: player.userId },
      { token: admin.token },
    );
    const byEmail = await gqlOk<{ userByEmail: { id: string } }>(
      `query ($email: String!) { userByEmail(email: $email) { id } }`,
      { email: player.email.toUpperCase() },
      { token: admin.token },
    );
    const filtered = await gqlOk<{ users: { totalCount: number; nodes: { id: string; roles: string[] }[] } }>(
      USERS,
      { filter: { email: player.email.split('@')[0], role: 'USER' } },
      { token: admin.token },
    );

    expect(byId.user.email).toBe(player.email);
    expect(byEmail.userByEmail.id).toBe(player.userId);
    expect(filtered.users).toEqual({
      totalCount: 1,
      nodes: [{ id: player.userId, email: player.email, roles: ['USER'] }],
    });
  });

  it('when roles are empty or the id malformed, then it is BAD_USER_INPUT and nothing changes', async () => {
    const player = await newUser('bad-roles');

    expect(
      errorCodes(
        await gql(UpdateUserRolesDocument, { id: player.userId, roles: [] }, { token: admin.token }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await gql(UpdateUserRolesDocument, { id: 'nope', roles: ['USER'] }, { token: admin.token })),
    ).toEqual(['BAD_USER_INPUT']);
    const { me } = await gqlOk<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, { token: player.token });
    expect(me.roles).toEqual(['USER']);
  });

  it('when an operator creates an event, then it works for the OPERATOR role as for ADMIN', async () => {
    const operator = await newUser('operator-events');
    await gqlOk(
      UpdateUserRolesDocument,
      { id: operator.userId, roles: ['OPERATOR', 'USER'] },
      { token: admin.token },
    );
    const session = await login(operator.email, operator.password);
    expect((await createEvent(session.token)).isOpen).toBe(true);
  });
});

describe('role changes and concurrent writes to the user document', () => {
  it('when users are promoted right after signing up, then every promotion sticks (nothing rewrites the user behind it)', async () => {
    const admin = await adminSession();
    const users = await Promise.all(Array.from({ length: 15 }, (_, i) => newUser(`sticky-${i}`)));

    await Promise.all(
      users.map((u) =>
        gqlOk(UpdateUserRolesDocument, { id: u.userId, roles: ['OPERATOR', 'USER'] }, { token: admin.token }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const fresh = await Promise.all(users.map((u) => login(u.email, u.password)));
    const roles = await Promise.all(
      fresh.map(
        async (s) =>
          (await gqlOk<{ me: { roles: string[] } }>(`{ me { roles } }`, {}, { token: s.token })).me.roles,
      ),
    );
    expect(roles).toEqual(Array(15).fill(['OPERATOR', 'USER']));
  });
});
