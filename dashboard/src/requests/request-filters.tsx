import { Select, SimpleGrid } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { OrderDirection, RequestStatus, RewardRequestOrderField } from '@rewardgraph/api-client';
import { EventSelect } from './event-select';
import { PlayerFilter } from './player-filter';
import { orderOf, type RequestSearch } from './request-search';
import type { PlayerLookup } from './use-player-lookup';

const STATUS_OPTIONS = Object.values(RequestStatus);
const ORDER_OPTIONS = [
  { value: RewardRequestOrderField.CREATED_AT, label: 'Requested at' },
  { value: RewardRequestOrderField.UPDATED_AT, label: 'Last change' },
];
const DIRECTION_OPTIONS = [
  { value: OrderDirection.DESC, label: 'Newest first' },
  { value: OrderDirection.ASC, label: 'Oldest first' },
];

/** The fields of the request search; every change goes to the address. */
export function RequestFilters({
  search,
  lookup,
  onChange,
}: {
  search: RequestSearch;
  lookup: PlayerLookup;
  onChange: (changes: Partial<Record<keyof RequestSearch, string | null>>) => void;
}) {
  const order = orderOf(search);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={search.status || null}
        onChange={(status) => onChange({ status })}
        clearable
      />
      <EventSelect value={search.event} onChange={(event) => onChange({ event })} />
      <PlayerFilter
        key={search.player}
        value={search.player}
        lookup={lookup}
        onApply={(player) => onChange({ player })}
      />
      <DatePickerInput
        label="Requested from"
        placeholder="Any day"
        valueFormat="YYYY-MM-DD"
        clearable
        value={search.from || null}
        maxDate={search.to || undefined}
        onChange={(from) => onChange({ from })}
      />
      <DatePickerInput
        label="Requested to"
        description="This day included"
        placeholder="Any day"
        valueFormat="YYYY-MM-DD"
        clearable
        value={search.to || null}
        minDate={search.from || undefined}
        onChange={(to) => onChange({ to })}
      />
      <Select
        label="Order by"
        data={ORDER_OPTIONS}
        value={order.field}
        onChange={(field) => onChange({ order: field })}
        allowDeselect={false}
      />
      <Select
        label="Direction"
        data={DIRECTION_OPTIONS}
        value={order.direction}
        onChange={(direction) => onChange({ direction })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
