import { parseThemeColor, type MantineTheme } from '@mantine/core';
import type { EventStatus, RequestStatus, RewardType } from '@rewardgraph/api-client';

// Dark shades: graphics keep 3:1 contrast against the white card.
export const EVENT_STATUS_COLORS: Record<EventStatus, string> = {
  ACTIVE: 'teal.8',
  DRAFT: 'gray.7',
  INACTIVE: 'orange.9',
};

export const REQUEST_STATUS_COLORS: Record<RequestStatus, string> = {
  RECEIVED: 'gray.7',
  PENDING: 'yellow.9',
  APPROVED: 'teal.8',
  REJECTED: 'red.8',
};

export const REWARD_TYPE_COLORS: Record<RewardType, string> = {
  POINT: 'indigo.7',
  ITEM: 'grape.8',
  COUPON: 'orange.9',
  BADGE: 'cyan.9',
};

/** A theme colour ("teal.8") as the value an SVG fill takes. */
export const colorValue = (color: string, theme: MantineTheme): string =>
  parseThemeColor({ color, theme }).value;
