import { Badge } from '@mantine/core';
import type { RewardType } from '@rewardgraph/api-client';
import { TYPE_COLOR, TYPE_LABEL } from './reward-kinds';

export function RewardTypeBadge({ type }: { type: RewardType }) {
  return (
    <Badge color={TYPE_COLOR[type]} autoContrast>
      {TYPE_LABEL[type]}
    </Badge>
  );
}
