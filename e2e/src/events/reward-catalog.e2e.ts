import { ObjectId } from 'mongodb';
import { createReward, offer, sessionWithRole } from '../support/catalog';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, createEvent, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';

/**
 * Editing and deleting catalog rewards (product.md §3): name and the type's own fields,
 * never the type; ADMIN and OPERATOR edit, only ADMIN deletes, and not while an event
 * holds the reward. A refused call writes nothing.
 */
const UPDATE = `mutation ($id: ID!, $input: UpdateRewardInput!) {
  updateReward(id: $id, input: $input) {
    id type name
    ... on PointReward { points }
    ... on CouponReward { couponCode expiry }
  }
}`;
const DELETE = `mutation ($id: ID!) { deleteReward(id: $id) }`;
const REWARD = `query ($id: ID!) { reward(id: $id) { id name ... on PointReward { points } } }`;
const EVENT_REWARDS = `query ($e: ID!) { eventRewards(eventId: $e) { reward { name ... on CouponReward { couponCode } } } }`;
const REMOVE = `mutation ($e: ID!, $r: ID!) { removeEventReward(eventId: $e, rewardId: $r) }`;
const ADD = `mutation ($e: ID!, $input: AddEventRewardInput!) { addEventReward(eventId: $e, input: $input) { id } }`;

const stored = (id: string) =>
  withDb(stack().eventDbUrl, (db) => db.collection('rewards').findOne({ _id: new ObjectId(id) }));

describe('updateReward', () => {
  let admin: Session;
  let operator: Session;

  beforeAll(async () => {
    admin = await adminSession();
    operator = await sessionWithRole(admin, 'OPERATOR');
  });

  it('when an OPERATOR changes a POINT reward’s name and points, then the answer and every later read show them, and the type stays', async () => {
    const id = await createReward(admin.token, { type: 'POINT', points: 10 });

    const { updateReward } = await gqlOk(
      UPDATE,
      { id, input: { name: '  Renamed  ', points: 25 } },
      { token: operator.token },
    );
    const read = await gqlOk(REWARD, { id }, { token: admin.token });

    expect(updateReward).toEqual({ id, type: 'POINT', name: 'Renamed', points: 25 });
    expect(read).toEqual({ reward: { id, name: 'Renamed', points: 25 } });
  });

  it('when a field of another type is sent, then it is BAD_USER_INPUT naming it, and nothing is written, not even the name', async () => {
    const id = await createReward(admin.token, { type: 'POINT', points: 10 });
    const before = await stored(id);

    const result = await gql(
      UPDATE,
      { id, input: { name: 'changed', itemId: 'sword' } },
      { token: admin.token },
    );

    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('itemId');
    expect(await stored(id)).toEqual(before);
  });

  it('when the type or an unknown field is sent, then the input is refused at validation', async () => {
    const id = await createReward(admin.token, { type: 'POINT', points: 10 });
    const result = await gql(UPDATE, { id, input: { type: 'BADGE' } }, { token: admin.token });
    expect([result.status, errorCodes(result)]).toEqual([400, ['BAD_USER_INPUT']]);
  });

  it.each(['USER', 'AUDITOR'] as const)(
    'when a %s updates a reward, then it is FORBIDDEN and nothing is written',
    async (role) => {
      const id = await createReward(admin.token, { type: 'POINT', points: 10 });
      const caller = role === 'USER' ? await newUser('editor') : await sessionWithRole(admin, role);

      const result = await gql(UPDATE, { id, input: { name: 'mine now' } }, { token: caller.token });

      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect((await stored(id))?.name).not.toBe('mine now');
    },
  );

  it('when an unknown reward is updated, then it is NOT_FOUND; out-of-range values are BAD_USER_INPUT', async () => {
    const id = await createReward(admin.token, { type: 'POINT', points: 10 });
    const missing = await gql(
      UPDATE,
      { id: new ObjectId().toHexString(), input: { name: 'x' } },
      { token: admin.token },
    );
    const tooMany = await gql(UPDATE, { id, input: { points: 1_000_001 } }, { token: admin.token });

    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect((await stored(id))?.points).toBe(10);
  });

  it('when a coupon reward on an event is renamed and given a new code after players read it, then players see the new name at once and still no code; staff see the code', async () => {
    const { eventId, rewardId } = await offer({
      reward: { type: 'COUPON', couponCode: 'OLD-CODE', expiry: '2031-01-01T00:00:00.000Z' },
    });
    const player = await newUser('coupon-edit');
    await gqlOk(EVENT_REWARDS, { e: eventId }, { token: player.token });

    const { updateReward } = await gqlOk<{ updateReward: { couponCode: string } }>(
      UPDATE,
      { id: rewardId, input: { name: 'Spring coupon', couponCode: 'NEW-CODE' } },
      { token: operator.token },
    );
    const seenByPlayer = await gqlOk(EVENT_REWARDS, { e: eventId }, { token: player.token });
    const seenByStaff = await gqlOk(EVENT_REWARDS, { e: eventId }, { token: operator.token });

    expect(updateReward.couponCode).toBe('NEW-CODE');
    expect(seenByPlayer).toEqual({ eventRewards: [{ reward: { name: 'Spring coupon', couponCode: null } }] });
    expect(seenByStaff).toEqual({
      eventRewards: [{ reward: { name: 'Spring coupon', couponCode: 'NEW-CODE' } }],
    });
  });
});

describe('deleteReward', () => {
  it('when an event holds the reward, then deleting it is CONFLICT and it stays; once removed from the event, the ADMIN deletes it and it is gone', async () => {
    const { admin, eventId, rewardId } = await offer();

    const held = await gql(DELETE, { id: rewardId }, { token: admin.token });
    expect(errorCodes(held)).toEqual(['CONFLICT']);
    expect(await stored(rewardId)).not.toBeNull();

    await gqlOk(REMOVE, { e: eventId, r: rewardId }, { token: admin.token });
    expect(await gqlOk(DELETE, { id: rewardId }, { token: admin.token })).toEqual({ deleteReward: true });
    expect(await stored(rewardId)).toBeNull();
    expect(await gqlOk(REWARD, { id: rewardId }, { token: admin.token })).toEqual({ reward: null });
    expect(errorCodes(await gql(DELETE, { id: rewardId }, { token: admin.token }))).toEqual(['NOT_FOUND']);
  });

  it('when a reward is deleted, then no event can take it any more (NOT_FOUND)', async () => {
    const admin = await adminSession();
    const rewardId = await createReward(admin.token);
    const event = await createEvent(admin.token);
    await gqlOk(DELETE, { id: rewardId }, { token: admin.token });

    const attach = await gql(ADD, { e: event.id, input: { rewardId } }, { token: admin.token });

    expect(errorCodes(attach)).toEqual(['NOT_FOUND']);
  });

  it.each(['OPERATOR', 'AUDITOR', 'USER'] as const)(
    'when a %s deletes a reward, then it is FORBIDDEN and the reward stays',
    async (role) => {
      const admin = await adminSession();
      const rewardId = await createReward(admin.token);
      const caller = role === 'USER' ? await newUser('deleter') : await sessionWithRole(admin, role);

      expect(errorCodes(await gql(DELETE, { id: rewardId }, { token: caller.token }))).toEqual(['FORBIDDEN']);
      expect(await stored(rewardId)).not.toBeNull();
    },
  );
});
