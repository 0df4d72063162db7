import { Stack, Text, Title } from '@mantine/core';
import { useUrlFilters } from '../ui/use-url-filters';
import { PlayerGate } from './player-gate';
import { RequestFilters } from './request-filters';
import { filterOf, orderOf, REQUEST_SEARCH_KEYS } from './request-search';
import { RequestTable } from './request-table';
import { usePlayerLookup } from './use-player-lookup';

/** Every reward request, searched by status, event, player and day, in the order chosen. */
export function RequestsPage() {
  const [search, setSearch] = useUrlFilters(REQUEST_SEARCH_KEYS);
  const lookup = usePlayerLookup(search.player);

  return (
    <Stack>
      <Title order={1} size="h2">
        Requests
      </Title>
      <Text size="sm">Open a request for its history, its review and what the player has been paid.</Text>
      <RequestFilters search={search} lookup={lookup} onChange={setSearch} />
      <PlayerGate lookup={lookup}>
        {(userId) => {
          const filter = filterOf(search, userId);
          const orderBy = orderOf(search);
          return <RequestTable key={JSON.stringify([filter, orderBy])} filter={filter} orderBy={orderBy} />;
        }}
      </PlayerGate>
    </Stack>
  );
}
