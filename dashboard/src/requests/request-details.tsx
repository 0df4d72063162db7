import { Anchor, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReviewedRequestFragment } from '@rewardgraph/api-client';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ReviewActions } from '../review/review-actions';
import { ReviewConditions } from '../review/review-conditions';
import { RewardTypeBadge } from '../rewards/reward-type-badge';
import { formatDateTime } from '../ui/format';
import { PlayerWallet } from './player-wallet';
import { RequestStatusBadge } from './request-status-badge';
import { RequestTimeline } from './request-timeline';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} tt="uppercase">
        {label}
      </Text>
      {children}
    </div>
  );
}

/** One request: who asked for what and where, where it stands, its history, the player's wallet. */
export function RequestDetails({
  request,
  onConflict,
}: {
  request: ReviewedRequestFragment;
  onConflict: () => void;
}) {
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Fact label="Player">
              <Text size="sm">{request.user.email}</Text>
              <Code>{request.userId}</Code>
            </Fact>
            <Fact label="Event">
              {request.event ? (
                <Anchor component={Link} to={`/events/${request.event.id}`} size="sm">
                  {request.event.name}
                </Anchor>
              ) : (
                <Text size="sm">Deleted event</Text>
              )}
            </Fact>
            <Fact label="Reward">
              <Group gap="xs">
                <Text size="sm">{request.reward?.name ?? 'Deleted reward'}</Text>
                {request.reward && <RewardTypeBadge type={request.reward.type} />}
              </Group>
            </Fact>
            <Fact label="Status">
              <RequestStatusBadge status={request.status} />
            </Fact>
            <Fact label="Reason">
              <Text size="sm">{request.reason ?? '—'}</Text>
            </Fact>
            <Fact label="Requested">
              <Text size="sm">{formatDateTime(request.createdAt)}</Text>
            </Fact>
            <Fact label="Last change">
              <Text size="sm">{formatDateTime(request.updatedAt)}</Text>
            </Fact>
            <Fact label="Conditions">
              <ReviewConditions eventId={request.eventId} rewardId={request.rewardId} />
            </Fact>
          </SimpleGrid>
          <ReviewActions request={request} onConflict={onConflict} />
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h4">
          History
        </Title>
        <RequestTimeline history={request.history} label="History of the request" />
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Player's wallet
        </Title>
        <PlayerWallet requestId={request.id} />
      </Stack>
    </Stack>
  );
}
