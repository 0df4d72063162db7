import { Badge } from '@mantine/core';
import type { RewardType } from '@rewardgraph/api-client';
import { TYPE_COLOR, TYPE_LABEL } from './reward-kinds';

export function RewardTypeBadge({ type }: { type: RewardType }) {
  return (
    // Light: the theme darkens the text of light variants to AA contrast for every colour.
    <Badge color={TYPE_COLOR[type]} variant="light">
      {TYPE_LABEL[type]}
    </Badge>
  );
}
