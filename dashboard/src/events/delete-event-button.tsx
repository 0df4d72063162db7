import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { DeleteEventDocument } from '@rewardgraph/api-client';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { notifyDone, notifyFailed } from '../ui/notify';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** Deletes the event after a confirmation, then returns to the list. */
export function DeleteEventButton({ event }: { event: { id: string; name: string } }) {
  const [opened, { open, close }] = useDisclosure();
  const [, deleteEvent] = useMutation(DeleteEventDocument);
  const navigate = useNavigate();

  const confirm = async () => {
    // The answer is a Boolean: lists that held the event learn of it by its typename.
    const result = await deleteEvent({ id: event.id }, { additionalTypenames: ['Event', 'EventReward'] });
    close();
    if (result.error) return notifyFailed('Delete event', result.error);
    notifyDone(`Event "${event.name}" deleted`);
    navigate('/events');
  };

  return (
    <>
      <Button color="red" variant="outline" onClick={open}>
        Delete event
      </Button>
      <ConfirmDialog opened={opened} onClose={close} title="Delete this event?" onConfirm={confirm}>
        <Text size="sm">
          “{event.name}” and its rewards will be deleted. Its pending requests are rejected; decided requests
          and payouts stay.
        </Text>
      </ConfirmDialog>
    </>
  );
}
