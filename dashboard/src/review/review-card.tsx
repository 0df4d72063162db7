import { Anchor, Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReviewedRequestFragment } from '@rewardgraph/api-client';
import { Link } from 'react-router';
import { RequestTimeline } from '../requests/request-timeline';
import { RewardTypeBadge } from '../rewards/reward-type-badge';
import { formatDateTime } from '../ui/format';
import { ReviewActions } from './review-actions';
import { ReviewConditions } from './review-conditions';

/** Everything a reviewer weighs about one request, and the decision. */
export function ReviewCard({
  request,
  onConflict,
  onDismiss,
}: {
  request: ReviewedRequestFragment;
  onConflict: () => void;
  onDismiss: () => void;
}) {
  const rewardName = request.reward?.name ?? 'a deleted reward';
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      aria-label={`Request by ${request.user.email} for ${rewardName}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{request.user.email}</Text>
            <Text size="sm">
              Player id <Code>{request.userId}</Code>
            </Text>
          </div>
          <Anchor component={Link} to={`/requests/${request.id}`} size="sm">
            Open request
          </Anchor>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <div>
            <Text size="xs" fw={600} tt="uppercase">
              Event
            </Text>
            {request.event ? (
              <Anchor component={Link} to={`/events/${request.event.id}`} size="sm">
                {request.event.name}
              </Anchor>
            ) : (
              <Text size="sm">Deleted event</Text>
            )}
          </div>
          <div>
            <Text size="xs" fw={600} tt="uppercase">
              Reward
            </Text>
            <Group gap="xs">
              <Text size="sm">{request.reward?.name ?? 'Deleted reward'}</Text>
              {request.reward && <RewardTypeBadge type={request.reward.type} />}
            </Group>
          </div>
          <div>
            <Text size="xs" fw={600} tt="uppercase">
              Requested
            </Text>
            <Text size="sm">{formatDateTime(request.createdAt)}</Text>
          </div>
        </SimpleGrid>
        <div>
          <Text size="xs" fw={600} tt="uppercase">
            Conditions
          </Text>
          <ReviewConditions eventId={request.eventId} rewardId={request.rewardId} />
        </div>
        <div>
          <Text size="xs" fw={600} tt="uppercase" mb={4}>
            History
          </Text>
          <RequestTimeline
            history={request.history}
            label={`History of the request by ${request.user.email}`}
          />
        </div>
        <ReviewActions request={request} onConflict={onConflict} onDismiss={onDismiss} />
      </Stack>
    </Paper>
  );
}
