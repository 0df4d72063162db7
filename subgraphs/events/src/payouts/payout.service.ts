import { type ReturnModelType } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { type Logger } from 'pino';
import {
  forbidden,
  hasAnyRole,
  isDuplicateKey,
  readEach,
  STAFF_ROLES,
  type Identity,
} from '@rewardgraph/service-kit';
import { batchedInserts, type NewDocument } from '../batching/batched-inserts';
import { type RewardOutcomes } from '../observability/reward-outcomes';
import { type AnyRewardRecord } from '../rewards/reward.model';
import { type RewardRequestRecord } from '../requests/request.model';
import { type PayoutRecord } from './payout.model';
import { type WalletSnapshotRecord } from './wallet.model';
import { addPayouts, emptyWallet } from './wallet-totals';
import { type Wallet } from './wallet.type';

export type PayoutModel = ReturnModelType<typeof PayoutRecord>;
export type WalletSnapshotModel = ReturnModelType<typeof WalletSnapshotRecord>;

/** Unfolded payouts a wallet read tolerates before it folds them into a new version. */
const FOLD_AT = 32;

interface WalletState {
  latest: WalletSnapshotRecord | null;
  tail: PayoutRecord[];
}

/**
 * Payouts (the ledger) and wallets. A wallet is its latest folded version plus the
 * payouts not folded yet, so a read costs two indexed lookups however long the ledger.
 */
export class PayoutService {
  private readonly folding = new Map<string, Promise<void>>();
  private readonly insertPayout: (payout: NewDocument<PayoutRecord>) => Promise<PayoutRecord>;

  constructor(
    private readonly payouts: PayoutModel,
    private readonly snapshots: WalletSnapshotModel,
    private readonly logger: Logger,
    private readonly outcomes: RewardOutcomes,
  ) {
    this.insertPayout = batchedInserts(payouts);
  }

  /** Pays an approved request into the user's wallet; a second call for it does nothing. */
  async pay(request: Pick<RewardRequestRecord, '_id' | 'userId'>, reward: AnyRewardRecord): Promise<void> {
    try {
      await this.insertPayout({
        requestId: request._id,
        userId: request.userId,
        type: reward.type,
        points: reward.points ?? 0,
        itemId: reward.itemId ?? null,
        quantity: reward.quantity ?? 0,
        couponCode: reward.couponCode ?? null,
        expiry: reward.expiry ?? null,
        badgeId: reward.badgeId ?? null,
        paidAt: new Date(),
        fold: 0,
      });
      this.outcomes.paid(reward.type);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async isPaid(requestId: Types.ObjectId): Promise<boolean> {
    return (await this.payouts.exists({ requestId }).exec()) !== null;
  }

  /**
   * The wallets of several users (an `_entities` batch of `User.wallet`), two indexed
   * reads per user; a wallet is seen by its owner and by staff, any other is answered
   * FORBIDDEN on its own.
   */
  async walletsOf(userIds: readonly string[], viewer: Identity): Promise<(Wallet | Error)[]> {
    const readable = userIds.filter((userId) => mayRead(userId, viewer));
    const states = await this.states(readable);
    return userIds.map((userId) => {
      const state = states.get(userId);
      if (!state) return forbidden("Another user's wallet is not yours to see");
      if (state.tail.length >= FOLD_AT) this.foldInBackground(userId);
      return addPayouts(state.latest ?? emptyWallet(), state.tail);
    });
  }

  private async states(userIds: readonly string[]): Promise<Map<string, WalletState>> {
    if (userIds.length === 0) return new Map();
    const [versions, unfolded] = await Promise.all([
      readEach(userIds, (userId) => this.snapshots.find({ userId }).lean<WalletSnapshotRecord[]>().exec()),
      readEach(userIds, (userId) =>
        this.payouts.find({ userId, fold: 0 }).sort({ _id: 1 }).lean<PayoutRecord[]>().exec(),
      ),
    ]);
    return new Map(
      userIds.map((id) => [
        id,
        stateOf(
          versions.filter((v) => v.userId === id),
          unfolded.filter((payout) => payout.userId === id),
        ),
      ]),
    );
  }

  private foldInBackground(userId: string): void {
    if (this.folding.has(userId)) return;
    const work = this.fold(userId)
      .catch((error: unknown) => this.logger.warn({ err: error, userId }, 'wallet fold failed'))
      .finally(() => this.folding.delete(userId));
    this.folding.set(userId, work);
  }

  /**
   * Inserts version n+1 (the unique version makes a concurrent fold lose), then marks the
   * payouts it holds, then drops older versions. A crash between any two steps leaves a
   * wallet that still reads right.
   */
  async fold(userId: string): Promise<void> {
    const { latest, tail } = (await this.states([userId])).get(userId)!;
    if (tail.length === 0) return;
    const version = (latest?.version ?? 0) + 1;
    const payoutIds = tail.map((payout) => payout._id);
    try {
      await this.snapshots.create({
        userId,
        version,
        ...addPayouts(latest ?? emptyWallet(), tail),
        payoutIds,
        foldedAt: new Date(),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return;
      throw error;
    }
    await this.payouts
      .updateMany({ userId, fold: 0, _id: { $in: payoutIds } }, { $set: { fold: version } })
      .exec();
    await this.snapshots.deleteMany({ userId, version: { $lt: version } }).exec();
  }
}

const mayRead = (userId: string, viewer: Identity) =>
  viewer.userId === userId || hasAnyRole(viewer, STAFF_ROLES);

/** A user's latest folded version and the payouts after it. */
function stateOf(versions: WalletSnapshotRecord[], unfolded: PayoutRecord[]): WalletState {
  const latest = versions.reduce<WalletSnapshotRecord | null>(
    (best, v) => (!best || v.version > best.version ? v : best),
    null,
  );
  // A fold that stopped before marking its payouts: they are in `latest` already.
  const inLatest = new Set(latest?.payoutIds.map(String) ?? []);
  return { latest, tail: unfolded.filter((payout) => !inLatest.has(String(payout._id))) };
}
