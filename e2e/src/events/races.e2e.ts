import { randomUUID } from 'node:crypto';
import {
  MyWalletDocument,
  RequestRewardDocument,
  ReviewRewardRequestDocument,
} from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { offer, requestReward } from '../support/catalog';

const count = (collection: string, filter: object) =>
  withDb(stack().eventDbUrl, (db) => db.collection(collection).countDocuments(filter));

describe('invariants under concurrency', () => {
  it('when one user sends thirty identical requests at once, then exactly one is granted and the rest are CONFLICT', async () => {
    const { eventId, rewardId } = await offer({ perUserLimit: 1 });
    const user = await newUser('hammer');

    const results = await Promise.all(
      Array.from({ length: 30 }, () => requestReward(user.token, eventId, rewardId)),
    );

    const granted = results.filter((r) => r.data?.requestReward.status === 'PENDING');
    expect(granted).toHaveLength(1);
    expect(results.flatMap(errorCodes)).toEqual(Array(29).fill('CONFLICT'));
    expect(
      await count('reward_requests', { userId: user.userId, status: { $in: ['PENDING', 'APPROVED'] } }),
    ).toBe(1);
  });

  it('when twenty-five users race for a stock of five, then exactly five are granted and paid', async () => {
    const { eventId, rewardId } = await offer({
      stock: 5,
      autoResolve: true,
      reward: { type: 'POINT', points: 7 },
    });
    const users = await Promise.all(Array.from({ length: 25 }, (_, i) => newUser(`racer-${i}`)));

    const results = await Promise.all(users.map((u) => requestReward(u.token, eventId, rewardId)));

    const statuses = results.map((r) => r.data?.requestReward.status);
    expect(statuses.filter((s) => s === 'APPROVED')).toHaveLength(5);
    expect(results.filter((r) => r.data?.requestReward.reason === 'OUT_OF_STOCK')).toHaveLength(20);
    const approvedIds = results
      .filter((r) => r.data?.requestReward.status === 'APPROVED')
      .map((r) => r.data!.requestReward.id);
    expect(await count('payouts', { userId: { $in: users.map((u) => u.userId) } })).toBe(5);
    expect(approvedIds).toHaveLength(5);
  });

  it('when ten reviewers approve one PENDING request at once, then one succeeds and it is paid once', async () => {
    const { admin, eventId, rewardId } = await offer({ reward: { type: 'POINT', points: 11 } });
    const user = await newUser('reviewed');
    const { requestReward: request } = await gqlOk(
      RequestRewardDocument,
      { eventId, rewardId },
      { token: user.token },
    );

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        gql(
          ReviewRewardRequestDocument,
          { id: request.id, input: { status: 'APPROVED', reason: 'ok' } },
          { token: admin.token },
        ),
      ),
    );

    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap(errorCodes)).toEqual(Array(9).fill('CONFLICT'));
    const { me } = await gqlOk(MyWalletDocument, {}, { token: user.token });
    expect(me.wallet.points).toBe(11);
    expect(await count('payouts', { userId: user.userId })).toBe(1);
  });

  it('when a PENDING request is rejected, then the stock it held goes to the next user', async () => {
    const { admin, eventId, rewardId } = await offer({ stock: 1 });
    const [first, second, third] = await Promise.all([newUser('first'), newUser('second'), newUser('third')]);

    const held = (await requestReward(first.token, eventId, rewardId)).data!.requestReward;
    const refused = (await requestReward(second.token, eventId, rewardId)).data!.requestReward;
    await gqlOk(
      ReviewRewardRequestDocument,
      { id: held.id, input: { status: 'REJECTED', reason: 'duplicate account' } },
      { token: admin.token },
    );
    const next = (await requestReward(third.token, eventId, rewardId)).data!.requestReward;

    expect([held.status, refused.status, refused.reason, next.status]).toEqual([
      'PENDING',
      'REJECTED',
      'OUT_OF_STOCK',
      'PENDING',
    ]);
  });

  it('when one user sends fifty requests at once for a reward with perUserLimit 5, then exactly five are granted', async () => {
    const { eventId, rewardId } = await offer({ perUserLimit: 5 });
    const user = await newUser('limit-five');

    const results = await Promise.all(
      Array.from({ length: 50 }, () => requestReward(user.token, eventId, rewardId)),
    );

    expect(results.filter((r) => r.data?.requestReward.status === 'PENDING')).toHaveLength(5);
    expect(results.flatMap(errorCodes)).toEqual(Array(45).fill('CONFLICT'));
    expect(await count('reward_requests', { userId: user.userId })).toBe(5);
    expect(await count('claims', { userId: user.userId })).toBe(5);
  });

  it('when a player retries one idempotency key twenty times at once, then there is one request and every answer is it', async () => {
    const { eventId, rewardId } = await offer({
      autoResolve: true,
      stock: 3,
      reward: { type: 'POINT', points: 4 },
    });
    const user = await newUser('retrier');
    const key = randomUUID();

    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        gql(RequestRewardDocument, { eventId, rewardId, idempotencyKey: key }, { token: user.token }),
      ),
    );

    const answers = new Set(
      results.map((r) => `${r.data?.requestReward.id} ${r.data?.requestReward.status}`),
    );
    // One answer, APPROVED; on failure the distinct answers are printed.
    expect([...answers]).toEqual([expect.stringMatching(/ APPROVED$/)]);
    expect(await count('reward_requests', { userId: user.userId })).toBe(1);
    expect(await count('payouts', { userId: user.userId })).toBe(1);
  });
});
