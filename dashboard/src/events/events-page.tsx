import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  EventOrderField,
  EventStatus,
  OrderDirection,
  type EventFilter,
  type EventOrder,
} from '@rewardgraph/api-client';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Can } from '../auth/can';
import { useUrlFilters } from '../ui/use-url-filters';
import { EventsList } from './events-list';

const FILTERS = ['q', 'status', 'sort', 'dir'] as const;

const STATUS_OPTIONS = [
  { value: '', label: 'All statuses' },
  { value: EventStatus.DRAFT, label: 'Draft' },
  { value: EventStatus.ACTIVE, label: 'Active' },
  { value: EventStatus.INACTIVE, label: 'Inactive' },
];
const SORT_OPTIONS = [
  { value: EventOrderField.CREATED_AT, label: 'Created' },
  { value: EventOrderField.PERIOD_START, label: 'Period start' },
  { value: EventOrderField.NAME, label: 'Name' },
];
const DIRECTION_OPTIONS = [
  { value: OrderDirection.DESC, label: 'Descending' },
  { value: OrderDirection.ASC, label: 'Ascending' },
];

const oneOf = <T extends string>(values: Record<string, T>, value: string): T | undefined =>
  Object.values(values).find((known) => known === value);

/** Every event, searchable and sortable, with the filters kept in the address. */
export function EventsPage() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const [search, setSearch] = useState(filters.q);
  // The address can change under the box (back, or the Events link): the box follows it.
  const [searchInAddress, setSearchInAddress] = useState(filters.q);
  if (filters.q !== searchInAddress) {
    setSearchInAddress(filters.q);
    if (filters.q !== search.trim()) setSearch(filters.q);
  }
  const applySearch = useDebouncedCallback((text: string) => setFilters({ q: text.trim() || null }), 300);

  const status = oneOf(EventStatus, filters.status);
  const filter: EventFilter = { ...(status && { status }), ...(filters.q && { search: filters.q }) };
  const orderBy: EventOrder = {
    field: oneOf(EventOrderField, filters.sort) ?? EventOrderField.CREATED_AT,
    direction: oneOf(OrderDirection, filters.dir) ?? OrderDirection.DESC,
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Events
        </Title>
        <Can action="events:write">
          <Button component={Link} to="/events/new" leftSection={<IconPlus size={16} aria-hidden />}>
            New event
          </Button>
        </Can>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search by name"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          w={260}
        />
        <NativeSelect
          label="Status"
          data={STATUS_OPTIONS}
          value={status ?? ''}
          onChange={(event) => setFilters({ status: event.currentTarget.value || null })}
          w={160}
        />
        <NativeSelect
          label="Sort by"
          data={SORT_OPTIONS}
          value={orderBy.field}
          onChange={(event) => setFilters({ sort: event.currentTarget.value })}
          w={160}
        />
        <NativeSelect
          label="Direction"
          data={DIRECTION_OPTIONS}
          value={orderBy.direction}
          onChange={(event) => setFilters({ dir: event.currentTarget.value })}
          w={160}
        />
      </Group>
      <EventsList key={JSON.stringify([filter, orderBy])} filter={filter} orderBy={orderBy} />
    </Stack>
  );
}
