import { randomUUID } from 'node:crypto';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, createEvent, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';

const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id name status isOpen } }`;
const LIST = `query ($first: Int, $after: String, $filter: EventFilter) {
  events(first: $first, after: $after, filter: $filter) { totalCount nodes { id name isOpen } pageInfo { hasNextPage endCursor } }
}`;

interface EventList {
  events: {
    totalCount: number;
    nodes: { id: string; name: string; isOpen: boolean }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const DAY = 86_400_000;
const eventsNamed = (name: string) =>
  withDb(stack().eventDbUrl, (db) => db.collection('events').countDocuments({ name }));

describe('events through the gateway', () => {
  let admin: Session;
  let player: Session;

  beforeAll(async () => {
    [admin, player] = await Promise.all([adminSession(), newUser('player')]);
  });

  it('when an ADMIN creates an open event, then a USER finds it among open events and by id', async () => {
    const created = await createEvent(admin.token);

    const open = await gqlOk<EventList>(
      LIST,
      { first: 100, filter: { isOpen: true } },
      { token: player.token },
    );
    const { event } = await gqlOk<{ event: { name: string; isOpen: boolean } }>(
      `query ($id: ID!) { event(id: $id) { name isOpen } }`,
      { id: created.id },
      { token: player.token },
    );

    expect(open.events.nodes.map((e) => e.id)).toContain(created.id);
    expect(event).toEqual({ name: created.name, isOpen: true });
  });

  it('when a USER creates an event, then it is FORBIDDEN at the gateway and at the events subgraph, and nothing is written', async () => {
    const name = `forbidden-${randomUUID()}`;
    const input = {
      name,
      periodStart: new Date().toISOString(),
      periodEnd: new Date(Date.now() + DAY).toISOString(),
    };

    const viaGateway = await gql(CREATE, { input }, { token: player.token });
    const viaSubgraph = await gql(
      CREATE,
      { input },
      { token: player.token, url: `${stack().eventsUrl}/graphql` },
    );

    expect(errorCodes(viaGateway)).toEqual(['FORBIDDEN']);
    expect(errorCodes(viaSubgraph)).toEqual(['FORBIDDEN']);
    expect(await eventsNamed(name)).toBe(0);
  });

  it('when the events subgraph is called without a token, then it refuses by itself (zero trust)', async () => {
    const result = await gql(`{ events { totalCount } }`, {}, { url: `${stack().eventsUrl}/graphql` });
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    [
      'periodEnd before periodStart',
      { periodStart: new Date(Date.now() + DAY).toISOString(), periodEnd: new Date().toISOString() },
    ],
    ['an empty name', { name: '' }],
    ['a period that is not a date', { periodStart: 'yesterday' }],
    ['an unknown status', { status: 'LIVE' }],
  ])('when createEvent has %s, then it is BAD_USER_INPUT and nothing is written', async (_case, override) => {
    const name = `bad-${randomUUID()}`;
    const input = {
      name,
      periodStart: new Date().toISOString(),
      periodEnd: new Date(Date.now() + DAY).toISOString(),
      ...override,
    };

    const result = await gql(CREATE, { input }, { token: admin.token });

    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await eventsNamed(name)).toBe(0);
  });

  it('when an event id is malformed, then event() is BAD_USER_INPUT', async () => {
    const result = await gql(`{ event(id: "not-an-id") { id } }`, {}, { token: player.token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('when a list is paged, then pages do not overlap and the last page says so', async () => {
    await Promise.all([1, 2, 3].map(() => createEvent(admin.token)));

    const first = await gqlOk<EventList>(LIST, { first: 2 }, { token: player.token });
    const second = await gqlOk<EventList>(
      LIST,
      { first: 2, after: first.events.pageInfo.endCursor },
      { token: player.token },
    );
    const all = await gqlOk<EventList>(LIST, { first: 100 }, { token: player.token });

    expect(first.events.nodes).toHaveLength(2);
    expect(first.events.pageInfo.hasNextPage).toBe(true);
    expect(second.events.nodes.map((e) => e.id)).toEqual(all.events.nodes.slice(2, 4).map((e) => e.id));
    expect(first.events.totalCount).toBe(all.events.totalCount);
  });

  it('when more than 100 nodes are asked for, then it is BAD_USER_INPUT', async () => {
    const result = await gql(LIST, { first: 101 }, { token: player.token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the User entity across subgraphs', () => {
  const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id rewardRequests { totalCount } } } }`;

  it('when a user asks for me with reward requests, then both subgraphs answer in one operation', async () => {
    const player = await newUser('entity');
    const { me } = await gqlOk<{
      me: { email: string; rewardRequests: { totalCount: number; nodes: unknown[] } };
    }>(`{ me { email rewardRequests { totalCount nodes { id } } } }`, {}, { token: player.token });
    expect(me).toEqual({ email: player.email, rewardRequests: { totalCount: 0, nodes: [] } });
  });

  it("when a user resolves another user's entity at the subgraph, then it is FORBIDDEN; without a token UNAUTHENTICATED", async () => {
    const [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
    const url = `${stack().eventsUrl}/graphql`;
    const reps = [{ __typename: 'User', id: bob.userId }];

    expect(errorCodes(await gql(ENTITIES, { reps }, { token: alice.token, url }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(ENTITIES, { reps }, { url }))).toEqual(['UNAUTHENTICATED']);
    const own = await gqlOk<{ _entities: { id: string }[] }>(ENTITIES, { reps }, { token: bob.token, url });
    expect(own._entities[0].id).toBe(bob.userId);
  });
});
