import { DataList, Group, Text } from '@mantine/core';
import type { EventFieldsFragment } from '@rewardgraph/api-client';
import { conditionText } from '../conditions/condition-text';
import { formatDateTime } from '../ui/format';
import { EventOpenBadge, EventStatusBadge } from './event-status-badge';

/** An event's fields as operators read them; the condition in words. */
export function EventSummary({ event }: { event: EventFieldsFragment }) {
  return (
    <DataList labelWidth={140} withDivider>
      <DataList.Item>
        <DataList.ItemLabel>Status</DataList.ItemLabel>
        <DataList.ItemValue>
          <Group gap="xs">
            <EventStatusBadge status={event.status} />
            <EventOpenBadge isOpen={event.isOpen} />
          </Group>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Period</DataList.ItemLabel>
        <DataList.ItemValue>
          {formatDateTime(event.periodStart)} – {formatDateTime(event.periodEnd)}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Condition</DataList.ItemLabel>
        <DataList.ItemValue>{conditionText(event.condition)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Description</DataList.ItemLabel>
        <DataList.ItemValue>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {event.description || '—'}
          </Text>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Created</DataList.ItemLabel>
        <DataList.ItemValue>{formatDateTime(event.createdAt)}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>Updated</DataList.ItemLabel>
        <DataList.ItemValue>{formatDateTime(event.updatedAt)}</DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}
