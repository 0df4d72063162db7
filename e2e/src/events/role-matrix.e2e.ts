import { randomUUID } from 'node:crypto';
import { adminSession, createEvent, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql } from '../support/graphql';
import { createReward, offer, requestReward, sessionWithRole } from '../support/catalog';

type Role = 'ANONYMOUS' | 'USER' | 'AUDITOR' | 'OPERATOR' | 'ADMIN';
const ROLES: Role[] = ['ANONYMOUS', 'USER', 'AUDITOR', 'OPERATOR', 'ADMIN'];
const DAY = 86_400_000;
const range = {
  from: new Date(Date.now() - DAY).toISOString(),
  to: new Date(Date.now() + DAY).toISOString(),
};

interface Fixture {
  admin: Session;
  sessions: Record<Exclude<Role, 'ANONYMOUS'>, Session>;
  eventId: string;
  rewardId: string;
  requestId: string;
}

/** An operation of product.md §3: its document, and variables made fresh for each call. */
interface Operation {
  name: string;
  allowed: Role[] | 'signed-in' | 'anyone';
  query: string;
  variables: (f: Fixture) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

const newEvent = async (f: Fixture) => (await createEvent(f.admin.token)).id;
const offered = async () => {
  const o = await offer();
  return { e: o.eventId, r: o.rewardId };
};

const OPERATIONS: Operation[] = [
  {
    name: 'signUp',
    allowed: 'anyone',
    query: `mutation ($i: SignUpInput!) { signUp(input: $i) { id } }`,
    variables: () => ({ i: { email: `m-${randomUUID()}@e2e.test`, password: 'long-enough-password' } }),
  },
  { name: 'me', allowed: 'signed-in', query: `{ me { id } }`, variables: () => ({}) },
  {
    name: 'userByEmail',
    allowed: ['ADMIN'],
    query: `query ($e: String!) { userByEmail(email: $e) { id } }`,
    variables: (f) => ({ e: f.sessions.USER.email }),
  },
  {
    name: 'user',
    allowed: ['ADMIN'],
    query: `query ($id: ID!) { user(id: $id) { id } }`,
    variables: (f) => ({ id: f.sessions.USER.userId }),
  },
  { name: 'users', allowed: ['ADMIN'], query: `{ users(first: 1) { totalCount } }`, variables: () => ({}) },
  {
    name: 'updateUserRoles',
    allowed: ['ADMIN'],
    query: `mutation ($id: ID!) { updateUserRoles(id: $id, roles: [USER]) { id } }`,
    variables: async () => ({ id: (await newUser('target')).userId }),
  },
  {
    name: 'createEvent',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($i: CreateEventInput!) { createEvent(input: $i) { id } }`,
    variables: () => ({ i: { name: 'm', periodStart: range.from, periodEnd: range.to } }),
  },
  {
    name: 'events',
    allowed: 'signed-in',
    query: `{ events(first: 1) { totalCount } }`,
    variables: () => ({}),
  },
  {
    name: 'event',
    allowed: 'signed-in',
    query: `query ($id: ID!) { event(id: $id) { id } }`,
    variables: (f) => ({ id: f.eventId }),
  },
  {
    name: 'updateEvent',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($id: ID!) { updateEvent(id: $id, input: { description: "m" }) { id } }`,
    variables: (f) => ({ id: f.eventId }),
  },
  {
    name: 'deleteEvent',
    allowed: ['ADMIN'],
    query: `mutation ($id: ID!) { deleteEvent(id: $id) }`,
    variables: async (f) => ({ id: await newEvent(f) }),
  },
  {
    name: 'eventRewards',
    allowed: 'signed-in',
    query: `query ($e: ID!) { eventRewards(eventId: $e) { id } }`,
    variables: (f) => ({ e: f.eventId }),
  },
  {
    name: 'addEventReward',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($e: ID!, $r: ID!) { addEventReward(eventId: $e, input: { rewardId: $r }) { id } }`,
    variables: async (f) => ({ e: f.eventId, r: await createReward(f.admin.token) }),
  },
  {
    name: 'updateEventReward',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($e: ID!, $r: ID!) { updateEventReward(eventId: $e, rewardId: $r, input: { perUserLimit: 2 }) { id } }`,
    variables: (f) => ({ e: f.eventId, r: f.rewardId }),
  },
  {
    name: 'removeEventReward',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($e: ID!, $r: ID!) { removeEventReward(eventId: $e, rewardId: $r) }`,
    variables: offered,
  },
  {
    name: 'requestReward',
    allowed: 'signed-in',
    query: `mutation ($e: ID!, $r: ID!) { requestReward(eventId: $e, rewardId: $r) { id } }`,
    variables: offered,
  },
  {
    name: 'myRewardRequests',
    allowed: 'signed-in',
    query: `{ myRewardRequests { totalCount } }`,
    variables: () => ({}),
  },
  {
    name: 'rewardRequests',
    allowed: ['ADMIN', 'OPERATOR', 'AUDITOR'],
    query: `{ rewardRequests(first: 1) { totalCount } }`,
    variables: () => ({}),
  },
  {
    name: 'rewardRequest (the USER owns it)',
    allowed: 'signed-in',
    query: `query ($id: ID!) { rewardRequest(id: $id) { id } }`,
    variables: (f) => ({ id: f.requestId }),
  },
  {
    name: 'reviewRewardRequest',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($id: ID!) { reviewRewardRequest(id: $id, input: { status: REJECTED }) { id } }`,
    variables: async (f) => ({
      id: (await requestReward((await newUser('reviewee')).token, f.eventId, f.rewardId)).data!.requestReward
        .id,
    }),
  },
  {
    name: 'createReward',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation { createReward(input: { type: BADGE, name: "m", badgeId: "b" }) { id } }`,
    variables: () => ({}),
  },
  {
    name: 'updateReward',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($id: ID!) { updateReward(id: $id, input: { name: "renamed" }) { id } }`,
    variables: async (f) => ({ id: await createReward(f.admin.token) }),
  },
  {
    name: 'deleteReward',
    allowed: ['ADMIN'],
    query: `mutation ($id: ID!) { deleteReward(id: $id) }`,
    variables: async (f) => ({ id: await createReward(f.admin.token) }),
  },
  {
    name: 'rewards',
    allowed: ['ADMIN', 'OPERATOR', 'AUDITOR'],
    query: `{ rewards(first: 1) { totalCount } }`,
    variables: () => ({}),
  },
  {
    name: 'reward',
    allowed: ['ADMIN', 'OPERATOR', 'AUDITOR'],
    query: `query ($id: ID!) { reward(id: $id) { id } }`,
    variables: (f) => ({ id: f.rewardId }),
  },
  {
    name: 'eligibility',
    allowed: 'signed-in',
    query: `query ($e: ID!, $r: ID!) { eligibility(eventId: $e, rewardId: $r) { eligible } }`,
    variables: (f) => ({ e: f.eventId, r: f.rewardId }),
  },
  {
    name: 'recordActivity',
    allowed: ['ADMIN', 'OPERATOR'],
    query: `mutation ($i: RecordActivityInput!) { recordActivity(input: $i) }`,
    variables: (f) => ({ i: { userId: f.sessions.USER.userId, name: 'matrix', key: randomUUID() } }),
  },
  {
    name: 'eventAnalytics',
    allowed: ['ADMIN', 'OPERATOR', 'AUDITOR'],
    query: `query ($r: DateRangeInput!) { eventAnalytics(range: $r) { timeline { day } } }`,
    variables: () => ({ r: range }),
  },
  {
    name: 'rewardAnalytics',
    allowed: ['ADMIN', 'OPERATOR', 'AUDITOR'],
    query: `query ($r: DateRangeInput!) { rewardAnalytics(range: $r) { requestTimeline { day } } }`,
    variables: () => ({ r: range }),
  },
  {
    name: 'userAnalytics',
    allowed: ['ADMIN', 'OPERATOR', 'AUDITOR'],
    query: `query ($r: DateRangeInput!) { userAnalytics(range: $r) { participants newUsers participationRate } }`,
    variables: () => ({ r: range }),
  },
  { name: 'logout', allowed: 'signed-in', query: `mutation { logout }`, variables: () => ({}) },
];

const expected = (op: Operation, role: Role): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' => {
  if (op.allowed === 'anyone') return 'allowed';
  if (role === 'ANONYMOUS') return 'UNAUTHENTICATED';
  if (op.allowed === 'signed-in') return 'allowed';
  return op.allowed.includes(role) ? 'allowed' : 'FORBIDDEN';
};

describe('every operation for every role', () => {
  let fixture: Fixture;

  beforeAll(async () => {
    const admin = await adminSession();
    const o = await offer({ perUserLimit: 100 });
    const [user, auditor, operator, otherAdmin] = await Promise.all([
      newUser('matrix-user'),
      sessionWithRole(admin, 'AUDITOR'),
      sessionWithRole(admin, 'OPERATOR'),
      adminSession(),
    ]);
    const requestId = (await requestReward(user.token, o.eventId, o.rewardId)).data!.requestReward.id;
    fixture = {
      admin,
      sessions: { USER: user, AUDITOR: auditor, OPERATOR: operator, ADMIN: otherAdmin },
      eventId: o.eventId,
      rewardId: o.rewardId,
      requestId,
    };
  });

  const cases = OPERATIONS.flatMap((op) =>
    ROLES.map((role) => [op.name, role, expected(op, role), op] as const),
  );

  it.each(cases)('%s as %s: %s', async (_name, role, outcome, op) => {
    // logout ends the session it is called with: give it a session of its own.
    const session =
      role === 'ANONYMOUS'
        ? undefined
        : op.name === 'logout'
          ? await freshSession(role, fixture)
          : fixture.sessions[role];
    const result = await gql(op.query, await op.variables(fixture), { token: session?.token });
    const refusal = errorCodes(result).find((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN');
    expect({ outcome: refusal ?? 'allowed', codes: errorCodes(result) }).toEqual({
      outcome,
      codes: outcome === 'allowed' ? [] : [outcome],
    });
  });
});

async function freshSession(role: Exclude<Role, 'ANONYMOUS'>, f: Fixture): Promise<Session> {
  if (role === 'USER') return newUser('logout');
  if (role === 'ADMIN') return adminSession();
  return sessionWithRole(f.admin, role);
}
