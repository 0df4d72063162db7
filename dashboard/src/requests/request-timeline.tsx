import { Text, Timeline } from '@mantine/core';
import type { RequestStatus } from '@rewardgraph/api-client';
import { formatDateTime } from '../ui/format';
import { RequestStatusBadge } from './request-status-badge';

interface StatusChange {
  status: RequestStatus;
  by: string;
  at: string;
  reason: string | null;
}

/** Every status change of a request, oldest first: what, who (a user id or the system), when, why. */
export function RequestTimeline({ history, label }: { history: StatusChange[]; label: string }) {
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} role="list" aria-label={label}>
      {history.map((change) => (
        <Timeline.Item
          key={`${change.status}-${change.at}`}
          role="listitem"
          title={<RequestStatusBadge status={change.status} />}
        >
          <Text size="sm">
            by {change.by} · {formatDateTime(change.at)}
          </Text>
          {change.reason && <Text size="sm">{change.reason}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
