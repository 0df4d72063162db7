import { Badge } from '@mantine/core';
import { RequestStatus } from '@rewardgraph/api-client';

/** Filled badges in dark (or, for yellow, light with dark text) shades keep AA contrast. */
const COLOR: Record<RequestStatus, string> = {
  [RequestStatus.RECEIVED]: 'gray.7',
  [RequestStatus.PENDING]: 'yellow.4',
  [RequestStatus.APPROVED]: 'teal.9',
  [RequestStatus.REJECTED]: 'red.9',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={COLOR[status]} autoContrast>
      {status}
    </Badge>
  );
}
