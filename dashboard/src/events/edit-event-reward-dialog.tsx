import { Modal } from '@mantine/core';
import { UpdateEventRewardDocument, type EventRewardFieldsFragment } from '@rewardgraph/api-client';
import { useMutation } from 'urql';
import { notifyDone } from '../ui/notify';
import { eventRewardFormValues, updateEventRewardInput } from './event-reward-form-values';
import { EventRewardForm } from './event-reward-form';

/** Changes a reward's rules on the event; only what changed is sent. Closed while `eventReward` is null. */
export function EditEventRewardDialog({
  eventReward,
  onClose,
}: {
  eventReward: EventRewardFieldsFragment | null;
  onClose: () => void;
}) {
  const [, updateEventReward] = useMutation(UpdateEventRewardDocument);
  const name = eventReward?.reward?.name ?? 'Deleted reward';

  return (
    <Modal opened={eventReward !== null} onClose={onClose} title="Edit event reward" size="xl">
      {eventReward && (
        <EventRewardForm
          key={eventReward.id}
          initial={eventRewardFormValues(eventReward)}
          rewardName={name}
          submitLabel="Save changes"
          onCancel={onClose}
          onSubmit={async (values) => {
            const input = updateEventRewardInput(eventRewardFormValues(eventReward), values);
            if (Object.keys(input).length > 0) {
              const result = await updateEventReward({
                eventId: eventReward.eventId,
                rewardId: eventReward.rewardId,
                input,
              });
              if (!result.data) return result.error ?? new Error('The API gave no answer');
            }
            notifyDone(Object.keys(input).length > 0 ? `"${name}" saved` : 'Nothing was changed');
            onClose();
            return null;
          }}
        />
      )}
    </Modal>
  );
}
