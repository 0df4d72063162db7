import { ReviewRewardRequestDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { createEvent, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { offer, requestReward, sessionWithRole } from '../support/catalog';
import { ObjectId } from 'mongodb';

const LIST = `query ($filter: EventFilter) { events(first: 100, filter: $filter) { nodes { id status } } }`;
const EVENT = `query ($id: ID!) { event(id: $id) { id status } }`;
const EVENT_REWARDS = `query ($e: ID!) { eventRewards(eventId: $e) { rewardId } }`;
const ELIGIBILITY = `query ($e: ID!, $r: ID!) { eligibility(eventId: $e, rewardId: $r) { eligible } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`;
const MY_EVENTS = `{ myRewardRequests { nodes { id event { id name periodStart periodEnd } } } }`;

interface Listed {
  events: { nodes: { id: string; status: string }[] };
}

const listedIds = async (token: string, filter?: Record<string, unknown>) =>
  (await gqlOk<Listed>(LIST, { filter }, { token })).events.nodes.map((e) => e.id);

describe('players see ACTIVE events only', () => {
  let admin: Session;
  let auditor: Session;
  let player: Session;
  let hidden: { draft: string; inactive: string; rewardId: string };
  let active: string;

  beforeAll(async () => {
    const offered = await offer({ event: { status: 'DRAFT' } });
    admin = offered.admin;
    [auditor, player] = await Promise.all([sessionWithRole(admin, 'AUDITOR'), newUser('visibility')]);
    const inactive = await createEvent(admin.token, { status: 'INACTIVE' });
    active = (await createEvent(admin.token)).id;
    hidden = { draft: offered.eventId, inactive: inactive.id, rewardId: offered.rewardId };
  });

  it('when staff list events (warming the cache) and then a player does, then the player sees the ACTIVE one and neither DRAFT nor INACTIVE, also when filtering on them', async () => {
    for (const staff of [admin, auditor]) {
      expect(await listedIds(staff.token)).toEqual(
        expect.arrayContaining([hidden.draft, hidden.inactive, active]),
      );
    }

    const seen = await gqlOk<Listed>(LIST, {}, { token: player.token });
    const drafts = await listedIds(player.token, { status: 'DRAFT' });
    const inactive = await listedIds(player.token, { status: 'INACTIVE' });

    expect(seen.events.nodes.map((e) => e.id)).toContain(active);
    expect(seen.events.nodes.every((e) => e.status === 'ACTIVE')).toBe(true);
    expect(drafts).toEqual([]);
    expect(inactive).toEqual([]);
  });

  it('when a player reads a DRAFT or INACTIVE event by id, its rewards or its eligibility, then it is null, empty and NOT_FOUND; staff read them', async () => {
    for (const id of [hidden.draft, hidden.inactive]) {
      expect(await gqlOk(EVENT, { id }, { token: admin.token })).toEqual({
        event: expect.objectContaining({ id }),
      });
      expect(await gqlOk(EVENT, { id }, { token: player.token })).toEqual({ event: null });
    }
    const staffRewards = await gqlOk(EVENT_REWARDS, { e: hidden.draft }, { token: auditor.token });
    const playerRewards = await gqlOk(EVENT_REWARDS, { e: hidden.draft }, { token: player.token });
    const eligibility = await gql(
      ELIGIBILITY,
      { e: hidden.draft, r: hidden.rewardId },
      { token: player.token },
    );

    expect(staffRewards).toEqual({ eventRewards: [{ rewardId: hidden.rewardId }] });
    expect(playerRewards).toEqual({ eventRewards: [] });
    expect(errorCodes(eligibility)).toEqual(['NOT_FOUND']);
  });

  it('when an event a player requested from is set back to DRAFT, then their own requests still show its id, name and period, while the event itself is hidden', async () => {
    const { eventId, rewardId } = await offer();
    const made = await requestReward(player.token, eventId, rewardId);
    expect(made.data!.requestReward.status).toBe('PENDING');
    await gqlOk(UPDATE, { id: eventId, input: { status: 'DRAFT' } }, { token: admin.token });

    const mine = await gqlOk<{
      myRewardRequests: { nodes: { id: string; event: { id: string; name: string; periodStart: string } }[] };
    }>(MY_EVENTS, {}, { token: player.token });
    const request = mine.myRewardRequests.nodes.find((n) => n.id === made.data!.requestReward.id);

    expect(request?.event).toEqual({
      id: eventId,
      name: expect.stringMatching(/^event-/),
      periodStart: expect.any(String),
      periodEnd: expect.any(String),
    });
    expect(await gqlOk(EVENT, { id: eventId }, { token: player.token })).toEqual({ event: null });
  });
});

describe('nobody reviews their own request', () => {
  const reviewsOf = (requestId: string) =>
    withDb(stack().eventDbUrl, (db) =>
      db.collection('reviews').countDocuments({ requestId: new ObjectId(requestId) }),
    );

  it.each(['OPERATOR', 'ADMIN'] as const)(
    'when an %s approves their own PENDING request, then it is FORBIDDEN, nothing is recorded, and another reviewer may still decide it',
    async (role) => {
      const { admin, eventId, rewardId } = await offer();
      const reviewer = await sessionWithRole(admin, role);
      const own = (await requestReward(reviewer.token, eventId, rewardId)).data!.requestReward;
      expect(own.status).toBe('PENDING');

      const selfReview = await gql(
        ReviewRewardRequestDocument,
        { id: own.id, input: { status: 'APPROVED' } },
        { token: reviewer.token },
      );
      const recorded = await reviewsOf(own.id);
      const byAnother = await gqlOk(
        ReviewRewardRequestDocument,
        { id: own.id, input: { status: 'APPROVED' } },
        { token: admin.token },
      );

      expect(errorCodes(selfReview)).toEqual(['FORBIDDEN']);
      expect(recorded).toBe(0);
      expect(byAnother.reviewRewardRequest.status).toBe('APPROVED');
    },
  );
});
