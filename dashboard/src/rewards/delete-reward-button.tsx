import { ActionIcon, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { DeleteRewardDocument, type RewardFieldsFragment } from '@rewardgraph/api-client';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { notifyDone } from '../ui/notify';
import { ErrorNotice } from '../ui/query-state';

/**
 * Deletes a catalog reward after a confirmation. The server refuses (CONFLICT) while an
 * event still offers it: its words and code stay in the dialog.
 */
export function DeleteRewardButton({ reward }: { reward: RewardFieldsFragment }) {
  const [opened, { open, close }] = useDisclosure();
  const [failure, setFailure] = useState<unknown>();
  const [, remove] = useMutation(DeleteRewardDocument);
  // The answer is a Boolean: name the type so the catalog refetches.
  const context = useMemo(() => ({ additionalTypenames: ['Reward'] }), []);

  const dismiss = () => {
    setFailure(undefined);
    close();
  };

  const confirm = async () => {
    setFailure(undefined);
    const result = await remove({ id: reward.id }, context);
    if (result.error) {
      setFailure(result.error);
      return;
    }
    notifyDone(`Deleted “${reward.name}”`);
    dismiss();
  };

  return (
    <>
      <ActionIcon variant="subtle" color="red" aria-label={`Delete ${reward.name}`} onClick={open}>
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
      <ConfirmDialog
        opened={opened}
        onClose={dismiss}
        title="Delete reward"
        confirmLabel="Delete"
        onConfirm={confirm}
      >
        <Text size="sm">
          Delete “{reward.name}” from the catalog? This cannot be undone. A reward an event still offers
          cannot be deleted.
        </Text>
        {failure !== undefined && <ErrorNotice error={failure} title="Not deleted" />}
      </ConfirmDialog>
    </>
  );
}
