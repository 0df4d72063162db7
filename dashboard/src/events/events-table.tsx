import { Anchor, Table } from '@mantine/core';
import type { EventFieldsFragment } from '@rewardgraph/api-client';
import { Link } from 'react-router';
import { formatDateTime } from '../ui/format';
import { EventOpenBadge, EventStatusBadge } from './event-status-badge';

/** One page of events; each name opens the event. */
export function EventsTable({ events }: { events: EventFieldsFragment[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label="Events" striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Open now</Table.Th>
            <Table.Th>Period</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>
                <Anchor component={Link} to={`/events/${event.id}`} fw={500}>
                  {event.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <EventStatusBadge status={event.status} />
              </Table.Td>
              <Table.Td>
                <EventOpenBadge isOpen={event.isOpen} />
              </Table.Td>
              <Table.Td>
                {formatDateTime(event.periodStart)} – {formatDateTime(event.periodEnd)}
              </Table.Td>
              <Table.Td>{formatDateTime(event.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
