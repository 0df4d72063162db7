import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * Asks before an action that cannot be undone: the confirm button runs it (and shows it
 * is working), Cancel or Escape closes. `onConfirm` closes the dialog when it is done, or
 * keeps it open with the server's refusal among the children.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  onConfirm,
  onClose,
  confirmLabel = 'Confirm',
}: {
  opened: boolean;
  title: string;
  confirmLabel?: string;
  children: ReactNode;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [working, setWorking] = useState(false);
  const confirm = async () => {
    setWorking(true);
    await onConfirm();
    setWorking(false);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={working}>
            Cancel
          </Button>
          {/* The darkest red: white text on it keeps AA contrast. */}
          <Button color="red.9" onClick={() => void confirm()} loading={working} disabled={working}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
