import { type ReturnModelType } from '@typegoose/typegoose';
import { forbidden, hasAnyRole, isDuplicateKey, STAFF_ROLES, type Identity } from '@rewardgraph/service-kit';
import { type AnyRewardRecord } from '../rewards/reward.model';
import { type RewardRequestRecord } from '../requests/request.model';
import { type PayoutRecord } from './payout.model';
import { type Wallet } from './wallet.type';

export type PayoutModel = ReturnModelType<typeof PayoutRecord>;

export class PayoutService {
  constructor(private readonly payouts: PayoutModel) {}

  /** Pays an approved request into the user's wallet; a second call for it does nothing. */
  async pay(request: RewardRequestRecord, reward: AnyRewardRecord): Promise<boolean> {
    try {
      await this.payouts.create({
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
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** A wallet is seen by its owner and by staff. */
  async walletOf(userId: string, viewer: Identity): Promise<Wallet> {
    if (viewer.userId !== userId && !hasAnyRole(viewer, STAFF_ROLES)) {
      throw forbidden("Another user's wallet is not yours to see");
    }
    const paid = await this.payouts.find({ userId }).sort({ paidAt: 1 }).lean<PayoutRecord[]>().exec();
    const items = new Map<string, number>();
    const wallet: Wallet = { points: 0, items: [], coupons: [], badges: [] };
    for (const p of paid) {
      wallet.points += p.points;
      if (p.itemId) items.set(p.itemId, (items.get(p.itemId) ?? 0) + p.quantity);
      if (p.couponCode && p.expiry) wallet.coupons.push({ couponCode: p.couponCode, expiry: p.expiry });
      if (p.badgeId) wallet.badges.push({ badgeId: p.badgeId });
    }
    wallet.items = [...items].map(([itemId, quantity]) => ({ itemId, quantity }));
    return wallet;
  }
}
