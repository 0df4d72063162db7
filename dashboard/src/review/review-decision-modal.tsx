import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ReviewDecision } from '@rewardgraph/api-client';
import { useState, type FormEvent } from 'react';

const MAX_REASON = 5_000;

/**
 * Confirms a decision on a request. A rejection must say why (the player reads it); an
 * approval may. `error` is the server's word on the reason.
 */
export function ReviewDecisionModal({
  decision,
  subject,
  saving,
  error,
  onCancel,
  onConfirm,
}: {
  decision: ReviewDecision;
  subject: string;
  saving: boolean;
  error?: string;
  onCancel: () => void;
  onConfirm: (reason: string | undefined) => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  // The server's word holds for the reason it was given about, until that is edited.
  const [sent, setSent] = useState<string>();
  const rejecting = decision === ReviewDecision.REJECTED;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    const mistake =
      rejecting && text === ''
        ? 'Say why the request is rejected'
        : text.length > MAX_REASON
          ? `At most ${MAX_REASON.toLocaleString()} characters`
          : undefined;
    setProblem(mistake);
    if (mistake) return;
    setSent(reason);
    onConfirm(text || undefined);
  };

  return (
    <Modal opened onClose={onCancel} title={rejecting ? 'Reject request' : 'Approve request'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {subject}
            {rejecting ? '' : ' Approving pays the reward out at once.'}
          </Text>
          <Textarea
            label="Reason"
            description={rejecting ? 'Required: the player sees it' : 'Optional'}
            required={rejecting}
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setProblem(undefined);
            }}
            error={problem ?? (reason === sent ? error : undefined)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" color={rejecting ? 'red.9' : 'teal.9'} loading={saving} disabled={saving}>
              {rejecting ? 'Confirm rejection' : 'Confirm approval'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
