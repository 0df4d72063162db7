import type { RewardFieldsFragment } from '@rewardgraph/api-client';

/** A catalog reward's kind and what it pays, e.g. "Points · 100" or "Item · sword ×2". */
export function rewardKind(reward: RewardFieldsFragment): string {
  switch (reward.__typename) {
    case 'PointReward':
      return `Points · ${reward.points.toLocaleString()}`;
    case 'ItemReward':
      return `Item · ${reward.itemId} ×${reward.quantity.toLocaleString()}`;
    case 'CouponReward':
      return 'Coupon';
    case 'BadgeReward':
      return `Badge · ${reward.badgeId}`;
  }
}
