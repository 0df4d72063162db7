import { randomUUID } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { CreateRewardDocument, MyWalletDocument, ReviewRewardRequestDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, createEvent, login, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import {
  createReward,
  offer,
  recordActivity,
  requestReward,
  sessionWithRole,
  type RewardInput,
} from '../support/catalog';
import { eventually } from '../support/sessions';

const DAY = 86_400_000;
const count = (collection: string, filter: object) =>
  withDb(stack().eventDbUrl, (db) => db.collection(collection).countDocuments(filter));
const ELIGIBILITY = `query ($e: ID!, $r: ID!) { eligibility(eventId: $e, rewardId: $r) { eligible explanation conditionMet rules { metric activity comparison actual target met text } held perUserLimit stockLeft } }`;
const ADD = `mutation ($e: ID!, $input: AddEventRewardInput!) { addEventReward(eventId: $e, input: $input) { id } }`;

describe('the reward lifecycle through the gateway', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
  });

  it('when rewards of every type are created, then each keeps its own fields', async () => {
    const inputs: RewardInput[] = [
      { type: 'POINT', points: 50 },
      { type: 'ITEM', itemId: 'sword', quantity: 2 },
      { type: 'COUPON', couponCode: 'WINTER10', expiry: new Date(Date.now() + 30 * DAY).toISOString() },
      { type: 'BADGE', badgeId: 'early-bird' },
    ];
    for (const input of inputs) {
      const result = await gql(
        CreateRewardDocument,
        { input: { name: `r-${randomUUID()}`, ...input } },
        { token: admin.token },
      );
      expect(result.data?.createReward.type).toBe(input.type);
    }
  });

  it.each<[string, RewardInput]>([
    ['a POINT reward without points', { type: 'POINT' }],
    ['a POINT reward with an itemId', { type: 'POINT', points: 5, itemId: 'x' }],
    ['negative points', { type: 'POINT', points: -5 }],
    ['an ITEM without quantity', { type: 'ITEM', itemId: 'sword' }],
    ['a COUPON without expiry', { type: 'COUPON', couponCode: 'X' }],
  ])('when createReward has %s, then it is BAD_USER_INPUT and nothing is written', async (_case, input) => {
    const name = `bad-${randomUUID()}`;
    const result = await gql(CreateRewardDocument, { input: { name, ...input } }, { token: admin.token });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(await count('rewards', { name })).toBe(0);
  });

  it.each([
    ['an unknown metric', { condition: { rule: { metric: 'COINS', comparison: 'GTE', value: 1 } } }],
    ['an empty list of rules', { condition: { all: [] } }],
    [
      'an ACTIVITY rule without its name',
      { condition: { rule: { metric: 'ACTIVITY', comparison: 'GTE', value: 1 } } },
    ],
    ['negative stock', { stock: -1 }],
    ['a zero per-user limit', { perUserLimit: 0 }],
  ])(
    'when addEventReward has %s, then it is BAD_USER_INPUT and nothing is attached',
    async (_case, extra) => {
      const event = await createEvent(admin.token);
      const rewardId = await createReward(admin.token);
      const result = await gql(ADD, { e: event.id, input: { rewardId, ...extra } }, { token: admin.token });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(await count('event_rewards', { rewardId: new ObjectId(rewardId) })).toBe(0);
    },
  );

  it('when a reward is attached twice to one event, then the second is a CONFLICT', async () => {
    const { eventId, rewardId } = await offer();
    expect(errorCodes(await gql(ADD, { e: eventId, input: { rewardId } }, { token: admin.token }))).toEqual([
      'CONFLICT',
    ]);
  });

  it('when ids are malformed, then requestReward is BAD_USER_INPUT', async () => {
    const user = await newUser('malformed');
    expect(errorCodes(await requestReward(user.token, 'nope', 'nope'))).toEqual(['BAD_USER_INPUT']);
  });

  it('when activity meets the condition (a repeated key counting once), then the request is approved and paid', async () => {
    const { eventId, rewardId } = await offer({
      condition: { rule: { metric: 'ACTIVITY', activity: 'quest_clear', comparison: 'GTE', value: 3 } },
      autoResolve: true,
      reward: { type: 'ITEM', itemId: 'potion', quantity: 2 },
    });
    const user = await newUser('quester');

    const early = (await requestReward(user.token, eventId, rewardId)).data!.requestReward;
    expect(early).toMatchObject({
      status: 'REJECTED',
      reason: 'condition not met: activity:quest_clear 0 of 3',
    });

    const key = randomUUID();
    for (const k of [key, key, randomUUID()]) {
      expect(
        (await recordActivity(admin.token, { userId: user.userId, name: 'quest_clear', key: k })).data
          ?.recordActivity,
      ).toBe(true);
    }
    const check = await gqlOk<{
      eligibility: { eligible: boolean; explanation: string; rules: Record<string, unknown>[] };
    }>(ELIGIBILITY, { e: eventId, r: rewardId }, { token: user.token });
    expect(check.eligibility).toMatchObject({
      eligible: false,
      rules: [{ metric: 'ACTIVITY', activity: 'quest_clear', comparison: 'GTE', actual: 2, target: 3 }],
    });
    expect(check.eligibility.explanation).toContain('activity:quest_clear 2 of 3');

    await recordActivity(admin.token, { userId: user.userId, name: 'quest_clear', key: randomUUID() });
    const requestsBefore = await count('reward_requests', { userId: user.userId });
    expect(
      (
        await gqlOk<{ eligibility: { eligible: boolean } }>(
          ELIGIBILITY,
          { e: eventId, r: rewardId },
          { token: user.token },
        )
      ).eligibility.eligible,
    ).toBe(true);
    expect(await count('reward_requests', { userId: user.userId })).toBe(requestsBefore);

    const granted = (await requestReward(user.token, eventId, rewardId)).data!.requestReward;
    expect(granted.status).toBe('APPROVED');
    const { me } = await gqlOk(MyWalletDocument, {}, { token: user.token });
    expect(me.wallet.items).toEqual([{ itemId: 'potion', quantity: 2 }]);
  });

  it('when the same activity key comes with different content, then it is a CONFLICT', async () => {
    const user = await newUser('keyed');
    const key = randomUUID();
    await recordActivity(admin.token, { userId: user.userId, name: 'pvp_win', amount: 1, key });
    expect(
      errorCodes(await recordActivity(admin.token, { userId: user.userId, name: 'pvp_win', amount: 5, key })),
    ).toEqual(['CONFLICT']);
  });

  it('when a player has logged in during the event, then a loginDays condition is met (fed by auth domain events)', async () => {
    const { eventId, rewardId } = await offer({
      condition: { rule: { metric: 'LOGIN_DAYS', comparison: 'GTE', value: 1 } },
      autoResolve: true,
    });
    const user = await newUser('loyal');
    await login(user.email, user.password);

    const eligible = async () =>
      (
        await gqlOk<{ eligibility: { eligible: boolean } }>(
          ELIGIBILITY,
          { e: eventId, r: rewardId },
          { token: user.token },
        )
      ).eligibility.eligible;
    expect(await eventually(eligible, 5000)).toBe(true);
    expect((await requestReward(user.token, eventId, rewardId)).data!.requestReward.status).toBe('APPROVED');
  });

  it('when the event has ended, then requestReward is EVENT_NOT_OPEN and nothing is recorded', async () => {
    const { eventId, rewardId } = await offer({
      event: {
        periodStart: new Date(Date.now() - 3 * DAY).toISOString(),
        periodEnd: new Date(Date.now() - DAY).toISOString(),
      },
    });
    const user = await newUser('late');
    expect(errorCodes(await requestReward(user.token, eventId, rewardId))).toEqual(['EVENT_NOT_OPEN']);
    expect(await count('reward_requests', { userId: user.userId })).toBe(0);
  });

  it('when a manual request is approved, then its history says who, when and why, and a second review is a CONFLICT', async () => {
    const { eventId, rewardId } = await offer({ reward: { type: 'BADGE', badgeId: 'hero' } });
    const user = await newUser('manual');
    const pending = (await requestReward(user.token, eventId, rewardId)).data!.requestReward;

    const { reviewRewardRequest: approved } = await gqlOk(
      ReviewRewardRequestDocument,
      { id: pending.id, input: { status: 'APPROVED', reason: 'well played' } },
      { token: admin.token },
    );

    expect(approved.history.map((h) => [h.status, h.by, h.reason])).toEqual([
      ['PENDING', user.userId, null],
      ['APPROVED', admin.userId, 'well played'],
    ]);
    expect(
      errorCodes(
        await gql(
          ReviewRewardRequestDocument,
          { id: pending.id, input: { status: 'REJECTED' } },
          { token: admin.token },
        ),
      ),
    ).toEqual(['CONFLICT']);
    expect(
      errorCodes(
        // The typed document cannot express PENDING; a plain one shows the server refuses it too.
        await gql(
          `mutation ($id: ID!, $input: ReviewRewardRequestInput!) { reviewRewardRequest(id: $id, input: $input) { id } }`,
          { id: pending.id, input: { status: 'PENDING' } },
          { token: admin.token },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const { me } = await gqlOk(MyWalletDocument, {}, { token: user.token });
    expect(me.wallet.badges).toEqual([{ badgeId: 'hero' }]);
  });

  it("when a user asks for another user's request, then it is FORBIDDEN; an auditor reads it", async () => {
    const { eventId, rewardId } = await offer();
    const [owner, other] = await Promise.all([newUser('owner'), newUser('other')]);
    const auditor = await sessionWithRole(admin, 'AUDITOR');
    const { id } = (await requestReward(owner.token, eventId, rewardId)).data!.requestReward;
    const READ = `query ($id: ID!) { rewardRequest(id: $id) { id userId event { id } reward { id } } }`;

    expect(errorCodes(await gql(READ, { id }, { token: other.token }))).toEqual(['FORBIDDEN']);
    const seen = await gqlOk<{
      rewardRequest: { userId: string; event: { id: string }; reward: { id: string } };
    }>(READ, { id }, { token: auditor.token });
    expect(seen.rewardRequest).toEqual({
      id,
      userId: owner.userId,
      event: { id: eventId },
      reward: { id: rewardId },
    });
    expect(
      errorCodes(
        await gql(
          `query ($u: ID!) { rewardRequests(filter: { userId: $u }) { totalCount } }`,
          { u: owner.userId },
          { token: other.token },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('when an ADMIN deletes an event, then its PENDING requests are rejected, decided ones stay, and the event is gone', async () => {
    const { eventId, rewardId } = await offer();
    const user = await newUser('deleted');
    const pending = (await requestReward(user.token, eventId, rewardId)).data!.requestReward;

    expect(
      (
        await gqlOk<{ deleteEvent: boolean }>(
          `mutation ($id: ID!) { deleteEvent(id: $id) }`,
          { id: eventId },
          { token: admin.token },
        )
      ).deleteEvent,
    ).toBe(true);

    const { event } = await gqlOk<{ event: unknown }>(
      `query ($id: ID!) { event(id: $id) { id } }`,
      { id: eventId },
      { token: user.token },
    );
    const { rewardRequest } = await gqlOk<{
      rewardRequest: { status: string; reason: string; event: unknown };
    }>(
      `query ($id: ID!) { rewardRequest(id: $id) { status reason event { id } } }`,
      { id: pending.id },
      { token: user.token },
    );
    expect(event).toBeNull();
    expect(rewardRequest).toEqual({ status: 'REJECTED', reason: 'EVENT_DELETED', event: null });
  });

  it('when an event is updated, then readers see the change at once (the cache is invalidated)', async () => {
    const event = await createEvent(admin.token);
    const READ = `query ($id: ID!) { event(id: $id) { name status isOpen } }`;
    await gqlOk(READ, { id: event.id }, { token: admin.token });

    await gqlOk(
      `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      { id: event.id, input: { name: 'renamed', status: 'INACTIVE' } },
      { token: admin.token },
    );

    expect((await gqlOk<{ event: unknown }>(READ, { id: event.id }, { token: admin.token })).event).toEqual({
      name: 'renamed',
      status: 'INACTIVE',
      isOpen: false,
    });
    const badPeriod = await gql(
      `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      { id: event.id, input: { periodEnd: new Date(Date.now() - 10 * DAY).toISOString() } },
      { token: admin.token },
    );
    expect(errorCodes(badPeriod)).toEqual(['BAD_USER_INPUT']);
  });
});
