import { randomUUID } from 'node:crypto';
import { ObjectId } from 'mongodb';
import {
  MyWalletDocument,
  RequestRewardDocument,
  ReviewRewardRequestDocument,
} from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser, type Session } from '../support/fixtures';
import { gql, gqlOk } from '../support/graphql';
import { offer, type OfferOptions } from '../support/catalog';
import { startEventsInstance } from '../support/stack';

const PORT = 13102;

interface Ledger {
  status: string | undefined;
  claims: number;
  slots: number;
  payouts: number;
  unappliedReviews: number;
}

/** What the database holds for one request, straight from event-db. */
const ledgerOf = (requestId: ObjectId): Promise<Ledger> =>
  withDb(stack().eventDbUrl, async (db) => ({
    status: (await db.collection('reward_requests').findOne({ _id: requestId }))?.status as
      string | undefined,
    claims: await db.collection('claims').countDocuments({ requestId }),
    slots: await db.collection('stock_slots').countDocuments({ requestId }),
    payouts: await db.collection('payouts').countDocuments({ requestId }),
    unappliedReviews: await db.collection('reviews').countDocuments({ requestId, applied: false }),
  }));

const requestOf = (userId: string, key: string) =>
  withDb(stack().eventDbUrl, (db) =>
    db.collection('reward_requests').findOne({ userId, idempotencyKey: key }),
  );

/**
 * Runs `act` against an events process that dies (SIGKILL) right after `point`, then
 * starts a healthy one on the same databases: its start-up recovery must finish the work.
 */
async function crashThenRecover(point: string, act: (url: string) => Promise<unknown>): Promise<void> {
  const doomed = await startEventsInstance(stack(), `events-crash-${point}`, PORT, {
    FAULT_CRASH_AFTER: point,
  });
  await act(`${doomed.url}/graphql`).catch(() => undefined);
  expect(await doomed.exited).toBe('SIGKILL');
  const healthy = await startEventsInstance(stack(), `events-recover-${point}`, PORT, {
    RECOVERY_GRACE_MS: '0',
  });
  await healthy.stop();
}

const keyedRequest = (user: Session, eventId: string, rewardId: string, key: string, url?: string) =>
  gql(RequestRewardDocument, { eventId, rewardId, idempotencyKey: key }, { token: user.token, url });

describe('a crash between two writes of the money path', () => {
  jest.setTimeout(60_000);

  const autoPoints: OfferOptions = {
    autoResolve: true,
    stock: 10,
    perUserLimit: 2,
    reward: { type: 'POINT', points: 5 },
  };

  it.each(['request-recorded', 'claim-taken', 'slot-taken', 'payout-inserted'])(
    'when the process dies after %s, then recovery approves and pays the request once, and a retry with the key gets it',
    async (point) => {
      const { eventId, rewardId } = await offer(autoPoints);
      const user = await newUser(`crash-${point}`);
      const key = randomUUID();

      await crashThenRecover(point, (url) => keyedRequest(user, eventId, rewardId, key, url));

      const recorded = await requestOf(user.userId, key);
      expect(await ledgerOf(recorded!._id)).toEqual({
        status: 'APPROVED',
        claims: 1,
        slots: 1,
        payouts: 1,
        unappliedReviews: 0,
      });
      const retried = (await keyedRequest(user, eventId, rewardId, key)).data!.requestReward;
      expect([retried.id, retried.status]).toEqual([recorded!._id.toHexString(), 'APPROVED']);
      const again = (await keyedRequest(user, eventId, rewardId, randomUUID())).data!.requestReward;
      expect(again.status).toBe('APPROVED');
      const { me } = await gqlOk(MyWalletDocument, {}, { token: user.token });
      expect(me.wallet.points).toBe(10);
    },
  );

  it('when the process dies after giving back the claim of an out-of-stock request, then recovery rejects it as OUT_OF_STOCK and holds nothing', async () => {
    const { eventId, rewardId } = await offer({ ...autoPoints, stock: 1 });
    const [first, second] = await Promise.all([newUser('stock-holder'), newUser('crash-late')]);
    expect((await keyedRequest(first, eventId, rewardId, randomUUID())).data!.requestReward.status).toBe(
      'APPROVED',
    );
    const key = randomUUID();

    await crashThenRecover('claim-released', (url) => keyedRequest(second, eventId, rewardId, key, url));

    const recorded = await requestOf(second.userId, key);
    expect(await ledgerOf(recorded!._id)).toEqual({
      status: 'REJECTED',
      claims: 0,
      slots: 0,
      payouts: 0,
      unappliedReviews: 0,
    });
    expect(recorded!.reason).toBe('OUT_OF_STOCK');
  });

  it.each<[string, 'APPROVED' | 'REJECTED']>([
    ['review-recorded', 'APPROVED'],
    ['review-effects-applied', 'APPROVED'],
    ['review-status-written', 'APPROVED'],
    ['review-recorded', 'REJECTED'],
    ['review-effects-applied', 'REJECTED'],
    ['review-status-written', 'REJECTED'],
  ])(
    'when the process dies after %s of a review to %s, then recovery finishes the review exactly once',
    async (point, decision) => {
      const { admin, eventId, rewardId } = await offer({ stock: 1, reward: { type: 'POINT', points: 3 } });
      const [player, next] = await Promise.all([newUser('reviewed'), newUser('next-in-line')]);
      const pending = (await keyedRequest(player, eventId, rewardId, randomUUID())).data!.requestReward;
      expect(pending.status).toBe('PENDING');

      await crashThenRecover(point, (url) =>
        gql(
          ReviewRewardRequestDocument,
          { id: pending.id, input: { status: decision, reason: 'checked' } },
          { token: admin.token, url },
        ),
      );

      const granted = decision === 'APPROVED' ? 1 : 0;
      expect(await ledgerOf(new ObjectId(pending.id))).toEqual({
        status: decision,
        claims: granted,
        slots: granted,
        payouts: granted,
        unappliedReviews: 0,
      });
      const following = (await keyedRequest(next, eventId, rewardId, randomUUID())).data!.requestReward;
      expect([following.status, following.reason]).toEqual(
        decision === 'APPROVED' ? ['REJECTED', 'OUT_OF_STOCK'] : ['PENDING', null],
      );
    },
  );
});
