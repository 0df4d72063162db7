import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  EventOptionDocument,
  EventOrderField,
  EventsDocument,
  OrderDirection,
} from '@rewardgraph/api-client';
import { useState } from 'react';
import { useQuery } from 'urql';
import { apiProblem } from '../graphql/api-error';

const SHOWN = 50;

const problemText = (error: unknown) => {
  const { message, code } = apiProblem(error);
  return code ? `${message} (${code})` : message;
};

/**
 * An event picked by name: the server searches the names as the operator types (there
 * may be more events than a list shows). The event chosen keeps its name even when the
 * search no longer lists it.
 */
export function EventSelect({
  value,
  onChange,
}: {
  value: string;
  onChange: (eventId: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search, 300);
  const [chosen] = useQuery({
    query: EventOptionDocument,
    variables: { id: value },
    pause: value === '',
    requestPolicy: 'cache-first',
  });
  const chosenName = value ? chosen.data?.event?.name : undefined;
  // Showing the chosen event's name is not a search: list every event then.
  const searching = typed !== '' && typed !== chosenName;
  const [events] = useQuery({
    query: EventsDocument,
    variables: {
      first: SHOWN,
      orderBy: { field: EventOrderField.NAME, direction: OrderDirection.ASC },
      filter: searching ? { search: typed } : undefined,
    },
  });

  const options = (events.data?.events.nodes ?? []).map((event) => ({ value: event.id, label: event.name }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({
      value,
      label: chosenName ?? (chosen.fetching ? 'Loading…' : 'Unknown or deleted event'),
    });
  }

  return (
    <Select
      label="Event"
      placeholder="Any event"
      searchable
      clearable
      data={options}
      value={value || null}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has searched already; names that contain the text, in any case.
      filter={({ options: all }) => all}
      nothingFoundMessage={events.fetching ? 'Searching…' : 'No event has this in its name'}
      error={events.error ? `Could not load the events: ${problemText(events.error)}` : undefined}
    />
  );
}
