import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { RemoveEventRewardDocument, type EventRewardFieldsFragment } from '@rewardgraph/api-client';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useCan } from '../auth/can';
import { notifyDone, notifyFailed } from '../ui/notify';
import { Empty } from '../ui/query-state';
import { AttachRewardDialog } from './attach-reward-dialog';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EditEventRewardDialog } from './edit-event-reward-dialog';
import { EventRewardsTable } from './event-rewards-table';

/** The event's rewards; who may edit events attaches, edits and removes them here. */
export function EventRewardsSection({
  eventId,
  rewards,
}: {
  eventId: string;
  rewards: EventRewardFieldsFragment[];
}) {
  const canWrite = useCan('events:write');
  const [attaching, attach] = useDisclosure();
  const [editing, setEditing] = useState<EventRewardFieldsFragment | null>(null);
  const [removing, setRemoving] = useState<EventRewardFieldsFragment | null>(null);
  const [, removeEventReward] = useMutation(RemoveEventRewardDocument);

  const remove = async () => {
    if (!removing) return;
    const name = removing.reward?.name ?? 'Deleted reward';
    // The answer is a Boolean: the event's reward list learns of it by the typename.
    const result = await removeEventReward(
      { eventId, rewardId: removing.rewardId },
      { additionalTypenames: ['EventReward'] },
    );
    setRemoving(null);
    if (result.error) return notifyFailed(`Remove "${name}"`, result.error);
    notifyDone(`"${name}" removed from the event`);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Rewards
        </Title>
        {canWrite && (
          <Button onClick={attach.open} leftSection={<IconPlus size={16} aria-hidden />}>
            Attach reward
          </Button>
        )}
      </Group>
      {rewards.length === 0 ? (
        <Empty>No rewards are attached to this event yet.</Empty>
      ) : (
        <EventRewardsTable
          rewards={rewards}
          onEdit={canWrite ? setEditing : undefined}
          onRemove={canWrite ? setRemoving : undefined}
        />
      )}
      {canWrite && (
        <>
          <AttachRewardDialog
            eventId={eventId}
            attachedRewardIds={rewards.map((eventReward) => eventReward.rewardId)}
            opened={attaching}
            onClose={attach.close}
          />
          <EditEventRewardDialog eventReward={editing} onClose={() => setEditing(null)} />
          <ConfirmDialog
            opened={removing !== null}
            onClose={() => setRemoving(null)}
            title="Remove this reward from the event?"
            onConfirm={remove}
          >
            <Text size="sm">
              “{removing?.reward?.name ?? 'Deleted reward'}” will no longer be offered. Its pending requests
              are rejected; granted rewards stay with the players.
            </Text>
          </ConfirmDialog>
        </>
      )}
    </Stack>
  );
}
