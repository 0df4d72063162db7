import { RewardType, type RewardFieldsFragment } from '@rewardgraph/api-client';
import { formatDateTime } from '../ui/format';

/** The kinds of reward, in the order the catalog offers them. */
export const REWARD_TYPES = [RewardType.POINT, RewardType.ITEM, RewardType.COUPON, RewardType.BADGE] as const;

export const TYPE_LABEL: Record<RewardType, string> = {
  [RewardType.POINT]: 'Points',
  [RewardType.ITEM]: 'Item',
  [RewardType.COUPON]: 'Coupon',
  [RewardType.BADGE]: 'Badge',
};

/** Dark shades, so the white text of a filled badge keeps AA contrast. */
export const TYPE_COLOR: Record<RewardType, string> = {
  [RewardType.POINT]: 'indigo',
  [RewardType.ITEM]: 'teal',
  [RewardType.COUPON]: 'grape',
  [RewardType.BADGE]: 'orange',
};

/** The input fields each kind owns; the server refuses another kind's (BAD_USER_INPUT). */
export const TYPE_FIELDS = {
  [RewardType.POINT]: ['points'],
  [RewardType.ITEM]: ['itemId', 'quantity'],
  [RewardType.COUPON]: ['couponCode', 'expiry'],
  [RewardType.BADGE]: ['badgeId'],
} as const satisfies Record<RewardType, readonly string[]>;

export type TypedField = (typeof TYPE_FIELDS)[RewardType][number];

/**
 * What a list of rewards is made of, for the document cache: a created reward refetches
 * the catalog even when no reward of its kind was on the page, a deleted one (the
 * answer is a Boolean) through 'Reward'.
 */
export const REWARD_TYPENAMES = ['Reward', 'PointReward', 'ItemReward', 'CouponReward', 'BadgeReward'];

export const isRewardType = (value: string): value is RewardType =>
  (REWARD_TYPES as readonly string[]).includes(value);

/** The kind's own details in a few words, e.g. "snow-sword × 1". */
export function rewardDetails(reward: RewardFieldsFragment): string {
  switch (reward.__typename) {
    case 'PointReward':
      return `${reward.points.toLocaleString()} points`;
    case 'ItemReward':
      return `${reward.itemId} × ${reward.quantity.toLocaleString()}`;
    case 'CouponReward':
      return `${reward.couponCode ?? 'code hidden'} · expires ${formatDateTime(reward.expiry)}`;
    case 'BadgeReward':
      return reward.badgeId;
  }
}
