import { randomUUID } from 'node:crypto';
import { ReviewRewardRequestDocument } from '@rewardgraph/api-client';
import { offer, requestReward } from '../support/catalog';
import { adminSession, createEvent, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';

/**
 * Lists as a dashboard uses them (product.md §3): every order in both directions, paged
 * two at a time, with ties broken by creation order; name search; creation-time ranges.
 */
const EVENTS = `query ($filter: EventFilter, $orderBy: EventOrder, $first: Int!, $after: String) {
  events(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id name periodStart }
  }
}`;
const MY_REQUESTS = `query ($filter: RewardRequestFilter, $orderBy: RewardRequestOrder, $first: Int!, $after: String) {
  myRewardRequests(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id createdAt updatedAt }
  }
}`;
const ALL_REQUESTS = `query ($filter: RewardRequestFilter, $orderBy: RewardRequestOrder) {
  rewardRequests(filter: $filter, orderBy: $orderBy, first: 100) { totalCount nodes { id } }
}`;
const USER_REQUESTS = `query ($orderBy: RewardRequestOrder) {
  me { rewardRequests(orderBy: $orderBy, first: 100) { totalCount nodes { id } } }
}`;

interface Listing<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

/** Every page of a list, `first` at a time, checking each page's cursor and flags. */
async function allPages<T extends { id: string }>(fetchPage: (after: string | null) => Promise<Listing<T>>) {
  const nodes: { id: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Listing<T> = await fetchPage(after);
    nodes.push(...page.nodes.map(({ id }) => ({ id })));
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount: page.totalCount };
    expect(page.pageInfo.endCursor).toEqual(expect.any(String));
    after = page.pageInfo.endCursor;
  }
}

const DAY = 86_400_000;

describe('events in every order, page by page', () => {
  let admin: Session;
  const prefix = `order-${randomUUID()}`;
  // Created one after the other, so creation order is this order; ties on start and on name.
  const specs = [
    { name: `${prefix} delta`, start: 3 },
    { name: `${prefix} alpha`, start: 1 },
    { name: `${prefix} Charlie`, start: 1 },
    { name: `${prefix} bravo`, start: 2 },
    { name: `${prefix} alpha`, start: 4 },
  ];
  const base = Date.now() + 10 * DAY;
  let created: { id: string; name: string; periodStart: string; index: number }[];

  beforeAll(async () => {
    admin = await adminSession();
    created = [];
    for (const [index, spec] of specs.entries()) {
      const periodStart = new Date(base + spec.start * DAY).toISOString();
      const event = await createEvent(admin.token, {
        name: spec.name,
        periodStart,
        periodEnd: new Date(base + 30 * DAY).toISOString(),
      });
      created.push({ id: event.id, name: spec.name, periodStart, index });
    }
  });

  const listed = (orderBy: Record<string, string> | undefined) =>
    allPages(
      async (after) =>
        (
          await gqlOk<{ events: Listing<{ id: string }> }>(
            EVENTS,
            { filter: { search: prefix }, orderBy, first: 2, after },
            { token: admin.token },
          )
        ).events,
    );

  const byKey = (key: (e: (typeof created)[number]) => string) =>
    [...created]
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.index - b.index))
      .map((e) => e.id);

  it.each([
    ['CREATED_AT', () => byKey(() => '')],
    ['PERIOD_START', () => byKey((e) => e.periodStart)],
    ['NAME', () => byKey((e) => e.name)],
  ])(
    'when events are listed by %s two at a time, then ASC and DESC pages follow that order exactly, ties in creation order',
    async (field, expected) => {
      const ascending = await listed({ field, direction: 'ASC' });
      const descending = await listed({ field, direction: 'DESC' });

      expect(ascending).toEqual({ nodes: expected().map((id) => ({ id })), totalCount: 5 });
      expect(descending).toEqual({ nodes: [...expected()].reverse().map((id) => ({ id })), totalCount: 5 });
    },
  );

  it('when no order is given, then events come newest first, as before', async () => {
    const { nodes } = await listed(undefined);
    expect(nodes.map((e) => e.id)).toEqual([...created].reverse().map((e) => e.id));
  });

  it('when a cursor of one order is sent with another order, then it is BAD_USER_INPUT', async () => {
    const first = await gqlOk<{ events: Listing<unknown> }>(
      EVENTS,
      { filter: { search: prefix }, orderBy: { field: 'NAME', direction: 'ASC' }, first: 2 },
      { token: admin.token },
    );
    const result = await gql(
      EVENTS,
      {
        filter: { search: prefix },
        orderBy: { field: 'PERIOD_START' },
        first: 2,
        after: first.events.pageInfo.endCursor,
      },
      { token: admin.token },
    );

    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('when an order names an unknown field, then it is refused before anything runs', async () => {
    const result = await gql(EVENTS, { orderBy: { field: 'STATUS' }, first: 2 }, { token: admin.token });
    expect(result.status).toBe(400);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('searching events by name', () => {
  it('when a player searches in another letter case, with regex characters, then only names containing the text literally match, ACTIVE ones only', async () => {
    const admin = await adminSession();
    const player = await newUser('search');
    const tag = randomUUID();
    const literal = await createEvent(admin.token, { name: `Cup ${tag} a.b (final)` });
    const lookalike = await createEvent(admin.token, { name: `Cup ${tag} aXb (final)` });
    await createEvent(admin.token, { name: `Cup ${tag} a.b (final) draft`, status: 'DRAFT' });
    const search = (text: string, token: string) =>
      gqlOk<{ events: Listing<{ id: string }> }>(EVENTS, { filter: { search: text }, first: 10 }, { token });

    const exact = await search(`CUP ${tag.toUpperCase()} A.B (FINAL`, player.token);
    const wide = await search(`cup ${tag}`, player.token);
    const staff = await search(`cup ${tag} a.b`, admin.token);

    expect(exact.events.nodes.map((e) => e.id)).toEqual([literal.id]);
    expect(wide.events.nodes.map((e) => e.id).sort()).toEqual([literal.id, lookalike.id].sort());
    expect(staff.events.totalCount).toBe(2);
  });

  it('when a search holds a control character, then it is BAD_USER_INPUT', async () => {
    const admin = await adminSession();
    const result = await gql(EVENTS, { filter: { search: 'a\u0000b' }, first: 1 }, { token: admin.token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('reward requests by creation and by last change, and within a time range', () => {
  let admin: Session;
  let player: Session;
  let made: { id: string; createdAt: string }[];

  beforeAll(async () => {
    const offered = await offer({ perUserLimit: 3 });
    admin = offered.admin;
    player = await newUser('orders');
    for (let i = 0; i < 3; i++) {
      const { data } = await requestReward(player.token, offered.eventId, offered.rewardId);
      expect(data?.requestReward.status).toBe('PENDING');
    }
    const listed = await gqlOk<{ myRewardRequests: Listing<{ id: string; createdAt: string }> }>(
      MY_REQUESTS,
      { orderBy: { field: 'CREATED_AT', direction: 'ASC' }, first: 10 },
      { token: player.token },
    );
    made = listed.myRewardRequests.nodes;
    // The oldest request changes last.
    await gqlOk(
      ReviewRewardRequestDocument,
      { id: made[0].id, input: { status: 'REJECTED' } },
      { token: admin.token },
    );
  });

  const mine = (orderBy: Record<string, string> | undefined, filter?: Record<string, unknown>) =>
    allPages(
      async (after) =>
        (
          await gqlOk<{ myRewardRequests: Listing<{ id: string }> }>(
            MY_REQUESTS,
            { orderBy, filter, first: 1, after },
            { token: player.token },
          )
        ).myRewardRequests,
    );
  const ids = (listing: { nodes: { id: string }[] }) => listing.nodes.map((n) => n.id);

  it('when a player pages their requests one at a time by CREATED_AT and UPDATED_AT, then the reviewed one moves to the front of UPDATED_AT DESC', async () => {
    const [a, b, c] = made.map((r) => r.id);

    expect(ids(await mine(undefined))).toEqual([c, b, a]);
    expect(ids(await mine({ field: 'CREATED_AT', direction: 'ASC' }))).toEqual([a, b, c]);
    expect(ids(await mine({ field: 'UPDATED_AT', direction: 'DESC' }))).toEqual([a, c, b]);
    expect(ids(await mine({ field: 'UPDATED_AT', direction: 'ASC' }))).toEqual([b, c, a]);
  });

  it('when staff list requests and the player reads User.rewardRequests in UPDATED_AT order, then both give the same order', async () => {
    const [a, b, c] = made.map((r) => r.id);
    const orderBy = { field: 'UPDATED_AT', direction: 'DESC' };

    const staff = await gqlOk<{ rewardRequests: Listing<{ id: string }> }>(
      ALL_REQUESTS,
      { filter: { userId: player.userId }, orderBy },
      { token: admin.token },
    );
    const own = await gqlOk<{ me: { rewardRequests: Listing<{ id: string }> } }>(
      USER_REQUESTS,
      { orderBy },
      { token: player.token },
    );

    expect(ids(staff.rewardRequests)).toEqual([a, c, b]);
    expect(ids(own.me.rewardRequests)).toEqual([a, c, b]);
    expect(own.me.rewardRequests.totalCount).toBe(3);
  });

  it('when requests are filtered from one creation time to another, then from is inclusive and to exclusive, for players and staff', async () => {
    const [a, b, c] = made;

    const between = await mine(undefined, { from: b.createdAt, to: c.createdAt });
    const since = await mine(undefined, { from: b.createdAt });
    const before = await mine(undefined, { to: b.createdAt });
    const staff = await gqlOk<{ rewardRequests: Listing<{ id: string }> }>(
      ALL_REQUESTS,
      { filter: { userId: player.userId, from: a.createdAt, to: c.createdAt } },
      { token: admin.token },
    );

    expect(between).toEqual({ nodes: [{ id: b.id }], totalCount: 1 });
    expect(ids(since)).toEqual([c.id, b.id]);
    expect(ids(before)).toEqual([a.id]);
    expect(ids(staff.rewardRequests)).toEqual([b.id, a.id]);
  });

  it('when to is not after from, then it is BAD_USER_INPUT', async () => {
    const result = await gql(
      MY_REQUESTS,
      { filter: { from: made[1].createdAt, to: made[1].createdAt }, first: 1 },
      { token: player.token },
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
