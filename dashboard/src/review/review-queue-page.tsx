import { Box, Stack, Text, Title } from '@mantine/core';
import { PlayerFilter } from '../requests/player-filter';
import { PlayerGate } from '../requests/player-gate';
import { usePlayerLookup } from '../requests/use-player-lookup';
import { useUrlFilters } from '../ui/use-url-filters';
import { ReviewQueueList } from './review-queue-list';

const FILTERS = ['player'] as const;

/** The requests waiting for a decision, oldest first, optionally of one player. */
export function ReviewQueuePage() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const lookup = usePlayerLookup(filters.player);

  return (
    <Stack>
      <Title order={1} size="h2">
        Review queue
      </Title>
      <Text size="sm">Requests waiting for a decision, oldest first.</Text>
      <Box maw={{ base: '100%', sm: 420 }}>
        <PlayerFilter
          key={filters.player}
          value={filters.player}
          lookup={lookup}
          onApply={(player) => setFilters({ player })}
        />
      </Box>
      <PlayerGate lookup={lookup}>
        {(userId) => <ReviewQueueList key={userId ?? 'all'} userId={userId} />}
      </PlayerGate>
    </Stack>
  );
}
