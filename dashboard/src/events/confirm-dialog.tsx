import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/**
 * Asks before an action that cannot be undone: Confirm runs it (the button shows it is
 * working), Cancel or Escape closes. `onConfirm` reports its own failure and closes.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
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
          <Button color="red" onClick={() => void confirm()} loading={working} disabled={working}>
            Confirm
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
