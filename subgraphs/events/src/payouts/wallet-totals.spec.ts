import { Types } from 'mongoose';
import { RewardType } from '../rewards/reward-type';
import { type PayoutRecord } from './payout.model';
import { addPayouts, emptyWallet } from './wallet-totals';

const payout = (fields: Partial<PayoutRecord>): PayoutRecord => ({
  _id: new Types.ObjectId(),
  requestId: new Types.ObjectId(),
  userId: 'u1',
  type: RewardType.POINT,
  points: 0,
  itemId: null,
  quantity: 0,
  couponCode: null,
  expiry: null,
  badgeId: null,
  paidAt: new Date(),
  fold: 0,
  ...fields,
});

describe('wallet totals', () => {
  it('when points add up past 2^31, then the sum stays exact', () => {
    const many = Array.from({ length: 2_201 }, () => payout({ points: 1_000_000 }));
    expect(addPayouts(emptyWallet(), many).points).toBe(2_201_000_000);
  });

  it('when items repeat, then quantities add up per item, and coupons and badges are listed', () => {
    const expiry = new Date('2027-01-01T00:00:00Z');
    const folded = addPayouts(emptyWallet(), [
      payout({ type: RewardType.ITEM, itemId: 'sword', quantity: 2 }),
      payout({ type: RewardType.COUPON, couponCode: 'WINTER', expiry }),
    ]);
    const wallet = addPayouts(folded, [
      payout({ type: RewardType.ITEM, itemId: 'sword', quantity: 3 }),
      payout({ type: RewardType.ITEM, itemId: 'shield', quantity: 1 }),
      payout({ type: RewardType.BADGE, badgeId: 'hero' }),
    ]);
    expect(wallet).toEqual({
      points: 0,
      items: [
        { itemId: 'sword', quantity: 5 },
        { itemId: 'shield', quantity: 1 },
      ],
      coupons: [{ couponCode: 'WINTER', expiry }],
      badges: [{ badgeId: 'hero' }],
    });
    expect(folded.items).toEqual([{ itemId: 'sword', quantity: 2 }]);
  });
});
