import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import {
  RequestStatus,
  ReviewDecision,
  ReviewRewardRequestDocument,
  type ReviewedRequestFragment,
} from '@rewardgraph/api-client';
import { useState } from 'react';
import { useMutation } from 'urql';
import { useCan } from '../auth/can';
import { apiProblem, fieldProblems, type ApiProblem } from '../graphql/api-error';
import { notifyDone } from '../ui/notify';
import { ReviewDecisionModal } from './review-decision-modal';

type Reviewable = Pick<ReviewedRequestFragment, 'id' | 'status' | 'user' | 'reward'>;

const REFUSAL_TITLE: Record<string, string> = {
  CONFLICT: 'Already reviewed by someone else',
  FORBIDDEN: 'You may not review this request',
};

/**
 * Approve and Reject for a PENDING request, for who may review (an AUDITOR sees none).
 * The server decides: a request someone else reviewed a moment ago is a CONFLICT, one's
 * own request is FORBIDDEN; either stays shown here in the server's words and code.
 */
export function ReviewActions({
  request,
  onReviewed,
  onConflict,
  onDismiss,
}: {
  request: Reviewable;
  /** After a decision was taken. */
  onReviewed?: () => void;
  /** After the server said the request is no longer PENDING: time to refresh. */
  onConflict?: () => void;
  /** Offers to close the conflict notice. */
  onDismiss?: () => void;
}) {
  const mayReview = useCan('requests:review');
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [refusal, setRefusal] = useState<ApiProblem>();
  const [reasonError, setReasonError] = useState<string>();
  const [{ fetching }, review] = useMutation(ReviewRewardRequestDocument);
  if (!mayReview) return null;

  const email = request.user.email;
  const subject = `${request.reward?.name ?? 'A deleted reward'}, requested by ${email}.`;
  const conflict = refusal?.code === 'CONFLICT';

  const decide = async (status: ReviewDecision, reason: string | undefined) => {
    setRefusal(undefined);
    setReasonError(undefined);
    const result = await review({ id: request.id, input: { status, reason } });
    if (!result.error) {
      setDecision(null);
      notifyDone(`${status === ReviewDecision.APPROVED ? 'Approved' : 'Rejected'} the request by ${email}`);
      onReviewed?.();
      return;
    }
    const problem = apiProblem(result.error);
    const onReason = fieldProblems(problem).reason;
    if (onReason) {
      setReasonError(onReason);
      return;
    }
    setDecision(null);
    setRefusal(problem);
    if (problem.code === 'CONFLICT') onConflict?.();
  };

  return (
    <Stack gap="xs">
      {refusal && (
        <Alert
          color="red"
          role="alert"
          title={(refusal.code && REFUSAL_TITLE[refusal.code]) ?? 'The review failed'}
          withCloseButton={conflict && onDismiss !== undefined}
          closeButtonLabel="Dismiss"
          onClose={onDismiss}
        >
          <Text size="sm">
            {refusal.message}
            {refusal.code ? ` (${refusal.code})` : ''}
          </Text>
        </Alert>
      )}
      {request.status === RequestStatus.PENDING && !conflict && (
        <Group gap="xs">
          <Button
            color="teal.9"
            aria-label={`Approve request by ${email}`}
            onClick={() => setDecision(ReviewDecision.APPROVED)}
          >
            Approve
          </Button>
          <Button
            color="red.9"
            variant="outline"
            aria-label={`Reject request by ${email}`}
            onClick={() => setDecision(ReviewDecision.REJECTED)}
          >
            Reject
          </Button>
        </Group>
      )}
      {decision && (
        <ReviewDecisionModal
          decision={decision}
          subject={subject}
          saving={fetching}
          error={reasonError}
          onCancel={() => {
            setDecision(null);
            setReasonError(undefined);
          }}
          onConfirm={(reason) => void decide(decision, reason)}
        />
      )}
    </Stack>
  );
}
