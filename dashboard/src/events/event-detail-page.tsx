import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { EventWithRewardsDocument } from '@rewardgraph/api-client';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Can } from '../auth/can';
import { Empty, QueryState } from '../ui/query-state';
import { DeleteEventButton } from './delete-event-button';
import { EventRewardsSection } from './event-rewards-section';
import { EventSummary } from './event-summary';

/** One event: its fields, its rewards with what was granted, and (by role) the edit controls. */
export function EventDetailPage() {
  const { id = '' } = useParams();
  // Rewards attached, edited or removed, and the event changed, refetch this page.
  const context = useMemo(() => ({ additionalTypenames: ['Event', 'EventReward'] }), []);
  const [result, refetch] = useQuery({ query: EventWithRewardsDocument, variables: { id }, context });

  return (
    <QueryState result={result} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ event, eventRewards }) =>
        !event ? (
          <Stack>
            <Title order={1} size="h2">
              Event not found
            </Title>
            <Empty>There is no event with this id, or it was deleted.</Empty>
            <Anchor component={Link} to="/events">
              Back to events
            </Anchor>
          </Stack>
        ) : (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Anchor component={Link} to="/events" size="sm">
                  ← Events
                </Anchor>
                <Title order={1} size="h2">
                  {event.name}
                </Title>
              </Stack>
              <Group gap="xs">
                <Can action="events:write">
                  <Button component={Link} to={`/events/${event.id}/edit`} variant="default">
                    Edit event
                  </Button>
                </Can>
                <Can action="events:delete">
                  <DeleteEventButton event={event} />
                </Can>
              </Group>
            </Group>
            <EventSummary event={event} />
            <EventRewardsSection eventId={event.id} rewards={eventRewards} />
          </Stack>
        )
      }
    </QueryState>
  );
}
