import { Badge } from '@mantine/core';
import { RequestStatus } from '@rewardgraph/api-client';

/** Filled badges in dark (or, for yellow, light with dark text) shades keep AA contrast. */
const COLOR: Record<RequestStatus, string> = {
  [RequestStatus.RECEIVED]: 'gray',
  [RequestStatus.PENDING]: 'yellow',
  [RequestStatus.APPROVED]: 'teal',
  [RequestStatus.REJECTED]: 'red',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    // Light: the theme darkens the text of light variants to AA contrast for every colour.
    <Badge color={COLOR[status]} variant="light">
      {status}
    </Badge>
  );
}
