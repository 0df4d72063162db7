import { type PayoutRecord } from './payout.model';
import { type Wallet } from './wallet.type';

export type WalletTotals = Wallet;

export const emptyWallet = (): WalletTotals => ({ points: 0, items: [], coupons: [], badges: [] });

/** A wallet plus payouts, in the order given; item quantities add up per item. */
export function addPayouts(wallet: WalletTotals, payouts: readonly PayoutRecord[]): WalletTotals {
  const items = new Map(wallet.items.map(({ itemId, quantity }) => [itemId, quantity]));
  const result: WalletTotals = {
    points: wallet.points,
    items: [],
    coupons: [...wallet.coupons],
    badges: [...wallet.badges],
  };
  for (const payout of payouts) {
    result.points += payout.points;
    if (payout.itemId) items.set(payout.itemId, (items.get(payout.itemId) ?? 0) + payout.quantity);
    if (payout.couponCode && payout.expiry)
      result.coupons.push({ couponCode: payout.couponCode, expiry: payout.expiry });
    if (payout.badgeId) result.badges.push({ badgeId: payout.badgeId });
  }
  result.items = [...items].map(([itemId, quantity]) => ({ itemId, quantity }));
  return result;
}
