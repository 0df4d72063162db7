import { Modal } from '@mantine/core';
import { AddEventRewardDocument, RewardsDocument } from '@rewardgraph/api-client';
import { useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { notifyDone } from '../ui/notify';
import { Empty, QueryState } from '../ui/query-state';
import { addEventRewardInput, emptyEventRewardValues } from './event-reward-form-values';
import { EventRewardForm } from './event-reward-form';
import { rewardKind } from './reward-label';

/** The catalog's largest page: the choice lists that many rewards. */
const CATALOG_PAGE = 100;

/** Attaches a catalog reward not yet on the event, with its rules. */
export function AttachRewardDialog({
  eventId,
  attachedRewardIds,
  opened,
  onClose,
}: {
  eventId: string;
  attachedRewardIds: string[];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Attach reward" size="xl">
      <AttachRewardContent eventId={eventId} attachedRewardIds={attachedRewardIds} onClose={onClose} />
    </Modal>
  );
}

function AttachRewardContent({
  eventId,
  attachedRewardIds,
  onClose,
}: {
  eventId: string;
  attachedRewardIds: string[];
  onClose: () => void;
}) {
  const context = useMemo(() => ({ additionalTypenames: ['Reward'] }), []);
  const [catalog, refetch] = useQuery({
    query: RewardsDocument,
    variables: { first: CATALOG_PAGE },
    context,
  });
  const [, addEventReward] = useMutation(AddEventRewardDocument);

  return (
    <QueryState result={catalog} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ rewards }) => {
        const options = rewards.nodes
          .filter((reward) => !attachedRewardIds.includes(reward.id))
          .map((reward) => ({ value: reward.id, label: `${reward.name} (${rewardKind(reward)})` }));
        if (options.length === 0) {
          return <Empty>Every catalog reward is already attached to this event.</Empty>;
        }
        return (
          <EventRewardForm
            initial={emptyEventRewardValues()}
            rewardOptions={options}
            submitLabel="Attach"
            onCancel={onClose}
            onSubmit={async (values) => {
              const result = await addEventReward(
                { eventId, input: addEventRewardInput(values) },
                { additionalTypenames: ['EventReward'] },
              );
              if (!result.data) return result.error ?? new Error('The API gave no answer');
              notifyDone(`"${result.data.addEventReward.reward?.name ?? 'Reward'}" attached`);
              onClose();
              return null;
            }}
          />
        );
      }}
    </QueryState>
  );
}
