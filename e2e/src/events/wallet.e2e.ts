import { ObjectId } from 'mongodb';
import { CreateRewardDocument, MyWalletDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { createReward, offer, requestReward, type RewardInput } from '../support/catalog';
import { eventually } from '../support/sessions';

const MAX_POINTS = 1_000_000;
const points = async (token: string) => (await gqlOk(MyWalletDocument, {}, { token })).me.wallet.points;

describe('wallets', () => {
  it('when a reward asks for more than 1,000,000 points or 10,000 items, then it is BAD_USER_INPUT', async () => {
    const { admin } = await offer();
    const create = (input: RewardInput) =>
      gql(CreateRewardDocument, { input: { name: 'too much', ...input } }, { token: admin.token });

    expect(errorCodes(await create({ type: 'POINT', points: MAX_POINTS + 1 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await create({ type: 'ITEM', itemId: 'gem', quantity: 10_001 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await createReward(admin.token, { type: 'POINT', points: MAX_POINTS })).toMatch(/^[0-9a-f]{24}$/);
  });

  it('when a wallet holds more than 2^31 points over thousands of payouts, then it reads exactly, and folding keeps it exact', async () => {
    const { eventId, rewardId } = await offer({
      autoResolve: true,
      reward: { type: 'POINT', points: MAX_POINTS },
    });
    const user = await newUser('whale');
    expect((await requestReward(user.token, eventId, rewardId)).data!.requestReward.status).toBe('APPROVED');
    const earlier = 2_200;
    await withDb(stack().eventDbUrl, (db) =>
      db.collection('payouts').insertMany(
        Array.from({ length: earlier }, () => ({
          requestId: new ObjectId(),
          userId: user.userId,
          type: 'POINT',
          points: MAX_POINTS,
          itemId: null,
          quantity: 0,
          couponCode: null,
          expiry: null,
          badgeId: null,
          paidAt: new Date(),
          fold: 0,
        })),
      ),
    );
    const total = (earlier + 1) * MAX_POINTS;

    expect(total).toBeGreaterThan(2 ** 31);
    expect(await points(user.token)).toBe(total);
    const unfolded = () =>
      withDb(stack().eventDbUrl, (db) =>
        db.collection('payouts').countDocuments({ userId: user.userId, fold: 0 }),
      );
    // The fold runs in the background after the read; a loaded CI machine takes seconds.
    expect(await eventually(async () => (await unfolded()) === 0, 30_000)).toBe(true);
    expect(await points(user.token)).toBe(total);
    expect(
      await withDb(stack().eventDbUrl, (db) =>
        db.collection('wallet_snapshots').countDocuments({ userId: user.userId }),
      ),
    ).toBe(1);
  }, 90_000);
});
