import { Badge } from '@mantine/core';
import type { EventStatus } from '@rewardgraph/api-client';

const COLOR: Record<EventStatus, string> = { DRAFT: 'gray', ACTIVE: 'teal', INACTIVE: 'orange' };
const LABEL: Record<EventStatus, string> = { DRAFT: 'Draft', ACTIVE: 'Active', INACTIVE: 'Inactive' };

export function EventStatusBadge({ status }: { status: EventStatus }) {
  return (
    <Badge color={COLOR[status]} variant="light">
      {LABEL[status]}
    </Badge>
  );
}

/** Whether players may take part now: ACTIVE and within the period. */
export function EventOpenBadge({ isOpen }: { isOpen: boolean }) {
  return (
    <Badge color={isOpen ? 'teal' : 'gray'} variant="outline">
      {isOpen ? 'Open' : 'Closed'}
    </Badge>
  );
}
