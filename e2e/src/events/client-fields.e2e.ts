import { randomUUID } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { ReviewRewardRequestDocument } from '@rewardgraph/api-client';
import { createReward, offer, requestReward, sessionWithRole } from '../support/catalog';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';

/**
 * The fields clients and the dashboard rely on (product.md §3): Event.rewards,
 * EventReward.granted / stockLeft, RewardRequest.user seen as §2 says, User.wallet and
 * User.rewardRequests for many users at once, and a review that cannot say PENDING.
 */
const EVENT_REWARDS = `query ($e: ID!) { eventRewards(eventId: $e) { rewardId granted stockLeft } }`;
const EVENT_WITH_REWARDS = `query ($e: ID!) { event(id: $e) { id rewards { rewardId granted stockLeft } } }`;
const ADD = `mutation ($e: ID!, $input: AddEventRewardInput!) { addEventReward(eventId: $e, input: $input) { id } }`;
const EVENTS_WITH_REWARDS = `query ($search: String!) {
  events(filter: { search: $search }, first: 10) { nodes { id rewards { rewardId reward { id } } } }
}`;

const requestOf = async (player: Session, eventId: string, rewardId: string) =>
  (await requestReward(player.token, eventId, rewardId)).data!.requestReward;

/** The first event reward's granted and stockLeft, as a player reads them. */
const countsOf = async (eventId: string, reader: Session) =>
  (
    await gqlOk<{ eventRewards: { granted: number; stockLeft: number }[] }>(
      EVENT_REWARDS,
      { e: eventId },
      { token: reader.token },
    )
  ).eventRewards[0];

describe('granted and stock left follow approvals and rejections', () => {
  it('when three of a stock of 3 are granted, one rejected, one approved, then a fourth is granted and a fifth is OUT_OF_STOCK; the counts follow every step', async () => {
    const { admin, eventId, rewardId } = await offer({ stock: 3 });
    const players = await Promise.all([1, 2, 3, 4, 5].map(() => newUser('granted')));
    const counts = () => countsOf(eventId, players[0]);

    expect(await counts()).toEqual({ rewardId, granted: 0, stockLeft: 3 });
    const pending = [];
    for (const player of players.slice(0, 3)) pending.push(await requestOf(player, eventId, rewardId));
    expect(await counts()).toEqual({ rewardId, granted: 3, stockLeft: 0 });

    await gqlOk(
      ReviewRewardRequestDocument,
      { id: pending[0].id, input: { status: 'REJECTED' } },
      { token: admin.token },
    );
    expect(await counts()).toEqual({ rewardId, granted: 2, stockLeft: 1 });
    await gqlOk(
      ReviewRewardRequestDocument,
      { id: pending[1].id, input: { status: 'APPROVED' } },
      { token: admin.token },
    );
    expect(await counts()).toEqual({ rewardId, granted: 2, stockLeft: 1 });

    expect((await requestOf(players[3], eventId, rewardId)).status).toBe('PENDING');
    const late = await requestOf(players[4], eventId, rewardId);
    expect([late.status, late.reason]).toEqual(['REJECTED', 'OUT_OF_STOCK']);
    expect(await counts()).toEqual({ rewardId, granted: 3, stockLeft: 0 });
    expect(
      (await gqlOk<{ event: unknown }>(EVENT_WITH_REWARDS, { e: eventId }, { token: admin.token })).event,
    ).toEqual({ id: eventId, rewards: [{ rewardId, granted: 3, stockLeft: 0 }] });
  });

  it('when twelve players race for a stock of five while the counts are read, then afterwards granted and stockLeft equal the claims and slots in event-db', async () => {
    const { eventId, rewardId } = await offer({ stock: 5 });
    const players = await Promise.all(Array.from({ length: 12 }, (_, i) => newUser(`counted-${i}`)));
    const counts = () => countsOf(eventId, players[0]);
    await counts();

    // Reads that load the counts while units are being taken, and may store what they loaded after a grant.
    const [results] = await Promise.all([
      Promise.all(players.map((player) => requestOf(player, eventId, rewardId))),
      Promise.all(Array.from({ length: 12 }, () => counts())),
    ]);

    const { claims, slots } = await withDb(stack().eventDbUrl, async (db) => {
      const { _id } = (await db
        .collection('event_rewards')
        .findOne({ eventId: new ObjectId(eventId), rewardId: new ObjectId(rewardId) }))!;
      return {
        claims: await db.collection('claims').countDocuments({ eventRewardId: _id }),
        slots: await db.collection('stock_slots').countDocuments({ eventRewardId: _id }),
      };
    });
    expect(results.filter((r) => r.status === 'PENDING')).toHaveLength(5);
    expect([claims, slots]).toEqual([5, 5]);
    expect(await counts()).toEqual({ rewardId, granted: claims, stockLeft: 5 - slots });
  });

  it('when the stock is unlimited, then stockLeft is null and granted still counts', async () => {
    const { eventId, rewardId } = await offer({ autoResolve: true });
    const player = await newUser('unlimited');
    expect((await requestOf(player, eventId, rewardId)).status).toBe('APPROVED');

    const { eventRewards } = await gqlOk<{ eventRewards: unknown[] }>(
      EVENT_REWARDS,
      { e: eventId },
      { token: player.token },
    );
    expect(eventRewards).toEqual([{ rewardId, granted: 1, stockLeft: null }]);
  });
});

describe('Event.rewards', () => {
  it('when events are listed with their rewards, then each event shows its own rewards in the order attached, with their catalog reward', async () => {
    const tag = `rewards-${randomUUID()}`;
    const one = await offer({ event: { name: `${tag} one` } });
    const two = await offer({ event: { name: `${tag} two` } });
    const extra = await createReward(one.admin.token);
    await gqlOk(ADD, { e: one.eventId, input: { rewardId: extra } }, { token: one.admin.token });
    const player = await newUser('rewards');

    const { events } = await gqlOk<{ events: { nodes: unknown[] } }>(
      EVENTS_WITH_REWARDS,
      { search: tag },
      { token: player.token },
    );

    const shown = (rewardId: string) => ({ rewardId, reward: { id: rewardId } });
    expect(events.nodes).toEqual([
      { id: two.eventId, rewards: [shown(two.rewardId)] },
      { id: one.eventId, rewards: [shown(one.rewardId), shown(extra)] },
    ]);
  });

  it("when a player's own request shows an event set back to DRAFT, then its rewards are empty for them and listed for staff", async () => {
    const { admin, eventId, rewardId } = await offer();
    const player = await newUser('draft-rewards');
    const made = await requestOf(player, eventId, rewardId);
    await gqlOk(
      `mutation ($id: ID!) { updateEvent(id: $id, input: { status: DRAFT }) { id } }`,
      { id: eventId },
      { token: admin.token },
    );
    const REQUEST = `query ($id: ID!) { rewardRequest(id: $id) { event { id rewards { rewardId } } } }`;

    const own = await gqlOk(REQUEST, { id: made.id }, { token: player.token });
    const staff = await gqlOk(REQUEST, { id: made.id }, { token: admin.token });

    expect(own).toEqual({ rewardRequest: { event: { id: eventId, rewards: [] } } });
    expect(staff).toEqual({ rewardRequest: { event: { id: eventId, rewards: [{ rewardId }] } } });
  });
});

describe('RewardRequest.user through the User entity', () => {
  const MINE = `{ myRewardRequests { nodes { id user { id email } } } }`;
  const ALL = `query ($e: ID!) { rewardRequests(filter: { eventId: $e }) { nodes { user { id email } } } }`;

  it('when a player reads their own requests, then the user is themself, with their email', async () => {
    const { eventId, rewardId } = await offer();
    const player = await newUser('own-user');
    const made = await requestOf(player, eventId, rewardId);

    const { myRewardRequests } = await gqlOk<{ myRewardRequests: { nodes: unknown[] } }>(
      MINE,
      {},
      { token: player.token },
    );
    expect(myRewardRequests.nodes).toEqual([
      { id: made.id, user: { id: player.userId, email: player.email } },
    ]);
  });

  it.each(['OPERATOR', 'AUDITOR'] as const)(
    "when an %s lists an event's requests, then each shows its requester's id and email; their roles stay ADMIN-only",
    async (role) => {
      const { admin, eventId, rewardId } = await offer();
      const staff = await sessionWithRole(admin, role);
      const players = [await newUser('asker'), await newUser('asker')];
      for (const player of players) await requestOf(player, eventId, rewardId);

      const listed = await gqlOk<{ rewardRequests: { nodes: unknown[] } }>(
        ALL,
        { e: eventId },
        { token: staff.token },
      );
      const withRoles = await gql(
        `query ($e: ID!) { rewardRequests(filter: { eventId: $e }) { nodes { user { id roles } } } }`,
        { e: eventId },
        { token: staff.token },
      );

      expect(listed.rewardRequests.nodes).toEqual(
        [...players].reverse().map((p) => ({ user: { id: p.userId, email: p.email } })),
      );
      expect(errorCodes(withRoles)).toContain('FORBIDDEN');
    },
  );
});

describe('User.wallet and User.rewardRequests for a batch of users', () => {
  it('when staff read the requesters of an event with their wallets and request counts, then every user gets their own figures', async () => {
    const { admin, eventId, rewardId } = await offer({
      autoResolve: true,
      perUserLimit: 3,
      reward: { type: 'POINT', points: 7 },
    });
    const players = [await newUser('batch'), await newUser('batch'), await newUser('batch')];
    for (const [i, player] of players.entries()) {
      for (let n = 0; n <= i; n++)
        expect((await requestOf(player, eventId, rewardId)).status).toBe('APPROVED');
    }

    const { rewardRequests } = await gqlOk<{
      rewardRequests: {
        nodes: { user: { id: string; wallet: { points: number }; rewardRequests: { totalCount: number } } }[];
      };
    }>(
      `query ($e: ID!) { rewardRequests(filter: { eventId: $e }, first: 6) {
        nodes { user { id wallet { points } rewardRequests(first: 1) { totalCount nodes { userId } } } }
      } }`,
      { e: eventId },
      { token: admin.token },
    );

    expect(rewardRequests.nodes).toHaveLength(6);
    for (const { user } of rewardRequests.nodes) {
      const held = players.findIndex((p) => p.userId === user.id) + 1;
      expect(user).toEqual({
        id: user.id,
        wallet: { points: 7 * held },
        rewardRequests: { totalCount: held, nodes: [{ userId: user.id }] },
      });
    }
  });

  it('when the gateway resolves many users at the events subgraph in one _entities call, then each gets their own wallet and requests', async () => {
    const { admin, eventId, rewardId } = await offer({
      autoResolve: true,
      perUserLimit: 2,
      reward: { type: 'POINT', points: 3 },
    });
    const [one, two, none] = [await newUser('batch'), await newUser('batch'), await newUser('batch')];
    await requestOf(one, eventId, rewardId);
    for (let n = 0; n < 2; n++) await requestOf(two, eventId, rewardId);

    const result = await gql<{ _entities: unknown[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on User { wallet { points } rewardRequests(first: 1, orderBy: { field: CREATED_AT, direction: ASC }) { totalCount } }
      } }`,
      { r: [two, one, none, two].map((p) => ({ __typename: 'User', id: p.userId })) },
      { token: admin.token, url: `${stack().eventsUrl}/graphql` },
    );

    const figures = (points: number, totalCount: number) => ({
      wallet: { points },
      rewardRequests: { totalCount },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([figures(6, 2), figures(3, 1), figures(0, 0), figures(6, 2)]);
  });

  it("when a player resolves themself and another user at the events subgraph, then they get their own wallet and the other's is FORBIDDEN", async () => {
    const { eventId, rewardId } = await offer({ autoResolve: true, reward: { type: 'POINT', points: 5 } });
    const [player, other] = [await newUser('self'), await newUser('other')];
    await requestOf(player, eventId, rewardId);

    const result = await gql<{ _entities: ({ wallet: { points: number } } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { wallet { points } } } }`,
      { r: [player.userId, other.userId, player.userId].map((id) => ({ __typename: 'User', id })) },
      { token: player.token, url: `${stack().eventsUrl}/graphql` },
    );

    expect(result.data?._entities).toEqual([{ wallet: { points: 5 } }, null, { wallet: { points: 5 } }]);
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
  });
});

describe('a review decides APPROVED or REJECTED, nothing else', () => {
  it('when a reviewer sends PENDING, as a literal or a variable, then it is refused at validation and nothing is written', async () => {
    const { admin, eventId, rewardId } = await offer();
    const player = await newUser('pending');
    const made = await requestOf(player, eventId, rewardId);

    const literal = await gql(
      `mutation ($id: ID!) { reviewRewardRequest(id: $id, input: { status: PENDING }) { id } }`,
      { id: made.id },
      { token: admin.token },
    );
    // Typed documents cannot even express PENDING: the refusal is shown with a plain document.
    const variable = await gql(
      `mutation ($id: ID!, $input: ReviewRewardRequestInput!) { reviewRewardRequest(id: $id, input: $input) { id } }`,
      { id: made.id, input: { status: 'PENDING' } },
      { token: admin.token },
    );

    expect([literal.status, errorCodes(literal)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);
    expect([variable.status, errorCodes(variable)]).toEqual([400, ['BAD_USER_INPUT']]);
    const stored = await withDb(stack().eventDbUrl, async (db) => ({
      reviews: await db.collection('reviews').countDocuments({ requestId: new ObjectId(made.id) }),
      request: await db.collection('reward_requests').findOne({ _id: new ObjectId(made.id) }),
    }));
    expect(stored.reviews).toBe(0);
    expect(stored.request?.status).toBe('PENDING');
  });
});
