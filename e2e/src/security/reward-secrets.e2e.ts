import { randomUUID } from 'node:crypto';
import { MyWalletDocument } from '@rewardgraph/api-client';
import { offer, sessionWithRole, type OfferOptions } from '../support/catalog';
import { newUser, type Session } from '../support/fixtures';
import { gql, gqlOk } from '../support/graphql';

const DAY = 86_400_000;
const COUPON = `... on CouponReward { couponCode }`;
const EVENT_REWARDS = `query ($e: ID!) { eventRewards(eventId: $e) { rewardId reward { ${COUPON} } } }`;
const REQUEST = `mutation ($e: ID!, $r: ID!) { requestReward(eventId: $e, rewardId: $r) { id status reward { ${COUPON} } } }`;
const REQUEST_BY_ID = `query ($id: ID!) { rewardRequest(id: $id) { reward { ${COUPON} } } }`;
const MINE = `{ myRewardRequests { nodes { reward { ${COUPON} } } } me { rewardRequests { nodes { reward { ${COUPON} } } } } }`;
const REWARD = `query ($id: ID!) { reward(id: $id) { ${COUPON} } }`;

interface RequestAnswer {
  requestReward: { id: string; status: string; reward: { couponCode: string | null } };
}

/** A coupon offered by an open event; the code is unique, so finding it anywhere in a body is a leak. */
async function couponOffer(options: { autoResolve: boolean; condition?: OfferOptions['condition'] }) {
  const code = `SECRET-${randomUUID()}`;
  const offered = await offer({
    reward: { type: 'COUPON', couponCode: code, expiry: new Date(Date.now() + 30 * DAY).toISOString() },
    ...options,
  });
  return { ...offered, code };
}

describe('coupon codes are secret until paid', () => {
  let player: Session;

  beforeAll(async () => {
    player = await newUser('coupon-player');
  });

  it("when a player reads a coupon through the event's rewards, their rejected request, that request by id and their lists, then the code is null everywhere, also from a cache staff warmed", async () => {
    const { admin, eventId, rewardId, code } = await couponOffer({
      autoResolve: true,
      condition: { rule: { metric: 'ACTIVITY', activity: 'never_done', comparison: 'GTE', value: 1 } },
    });
    const warmed = await gqlOk<{ eventRewards: { reward: { couponCode: string } }[] }>(
      EVENT_REWARDS,
      { e: eventId },
      { token: admin.token },
    );

    const rewards = await gql(EVENT_REWARDS, { e: eventId }, { token: player.token });
    const rejected = await gql<RequestAnswer>(REQUEST, { e: eventId, r: rewardId }, { token: player.token });
    const request = rejected.data!.requestReward;
    const byId = await gql(REQUEST_BY_ID, { id: request.id }, { token: player.token });
    const lists = await gql(MINE, {}, { token: player.token });

    expect(warmed.eventRewards[0]!.reward.couponCode).toBe(code);
    expect(rewards.data).toEqual({ eventRewards: [{ rewardId, reward: { couponCode: null } }] });
    expect(request).toMatchObject({ status: 'REJECTED', reward: { couponCode: null } });
    expect(byId.data).toEqual({ rewardRequest: { reward: { couponCode: null } } });
    for (const answer of [rewards, rejected, byId, lists]) {
      expect(answer.errors).toBeUndefined();
      expect(JSON.stringify(answer)).not.toContain(code);
    }
  });

  it('when ADMIN, OPERATOR and AUDITOR read the coupon, then each sees the code', async () => {
    const { admin, eventId, rewardId, code } = await couponOffer({ autoResolve: false });
    const [operator, auditor] = await Promise.all([
      sessionWithRole(admin, 'OPERATOR'),
      sessionWithRole(admin, 'AUDITOR'),
    ]);

    for (const staff of [admin, operator, auditor]) {
      const rewards = await gqlOk<{ eventRewards: { reward: { couponCode: string } }[] }>(
        EVENT_REWARDS,
        { e: eventId },
        { token: staff.token },
      );
      const catalog = await gqlOk<{ reward: { couponCode: string } }>(
        REWARD,
        { id: rewardId },
        { token: staff.token },
      );
      expect(rewards.eventRewards[0]!.reward.couponCode).toBe(code);
      expect(catalog.reward.couponCode).toBe(code);
    }
  });

  it('when a coupon is paid to a player, then they find the code in their own wallet, and nowhere else', async () => {
    const { eventId, rewardId, code } = await couponOffer({ autoResolve: true });

    const paid = await gqlOk<RequestAnswer>(REQUEST, { e: eventId, r: rewardId }, { token: player.token });
    const wallet = await gqlOk(MyWalletDocument, {}, { token: player.token });
    const stillSecret = await gqlOk(EVENT_REWARDS, { e: eventId }, { token: player.token });

    expect(paid.requestReward).toMatchObject({ status: 'APPROVED', reward: { couponCode: null } });
    expect(wallet.me.wallet.coupons.map((c) => c.couponCode)).toContain(code);
    expect(JSON.stringify(stillSecret)).not.toContain(code);
  });
});
