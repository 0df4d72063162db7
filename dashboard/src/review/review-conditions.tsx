import { List, Text } from '@mantine/core';
import { ReviewConditionsDocument } from '@rewardgraph/api-client';
import { useQuery } from 'urql';
import { conditionText } from '../conditions/condition-text';
import { ErrorNotice } from '../ui/query-state';

/**
 * The rules the request was granted under, in words: the event's condition and the
 * event reward's own (a request must meet both). Requests of one event share the answer.
 */
export function ReviewConditions({ eventId, rewardId }: { eventId: string; rewardId: string }) {
  const [result] = useQuery({
    query: ReviewConditionsDocument,
    variables: { eventId },
    // Conditions change rarely; one answer serves every card of the event.
    requestPolicy: 'cache-first',
  });
  if (result.error && !result.data)
    return <ErrorNotice error={result.error} title="Could not load the conditions" />;
  if (!result.data) return <Text size="sm">Loading the conditions…</Text>;

  const { event, eventRewards } = result.data;
  if (!event) return <Text size="sm">The event no longer exists.</Text>;
  const offer = eventRewards.find((eventReward) => eventReward.rewardId === rewardId);
  return (
    <List size="sm" spacing={2} aria-label="Conditions">
      <List.Item>Event: {conditionText(event.condition)}</List.Item>
      <List.Item>
        This reward: {offer ? conditionText(offer.condition) : 'no longer offered by the event'}
      </List.Item>
    </List>
  );
}
