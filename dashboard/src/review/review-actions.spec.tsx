import { Role, type ReviewedRequestFragment } from '@rewardgraph/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { renderForViewer } from '../test/render-for-viewer';
import { sessionAs } from '../test/session-as';
import { stubClient, type StubAnswer } from '../test/stub-client';
import { ReviewActions } from './review-actions';

const pending: ReviewedRequestFragment = {
  id: 'q1',
  eventId: 'e1',
  rewardId: 'r1',
  userId: 'u1',
  status: 'PENDING',
  reason: null,
  history: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  user: { id: 'u1', email: 'ada@example.com' },
  event: { id: 'e1', name: 'Winter Festival' },
  reward: { id: 'r1', name: 'Snow sword', type: 'ITEM' },
};

const refusal = (code: string, message: string): StubAnswer => ({
  error: new CombinedError({ graphQLErrors: [{ message, extensions: { code } }] }),
});

function renderActions(roles: Role[], answer: StubAnswer) {
  const client = stubClient({ mutation: { ReviewRewardRequest: answer } });
  const onReviewed = jest.fn();
  const onConflict = jest.fn();
  renderForViewer(<ReviewActions request={pending} onReviewed={onReviewed} onConflict={onConflict} />, {
    session: sessionAs(roles),
    client,
  });
  const sent = () => client.executeMutation.mock.calls.map(([request]) => request.variables);
  return { sent, onReviewed, onConflict };
}

const reviewed = { data: { reviewRewardRequest: { ...pending, status: 'REJECTED' } } };

describe('ReviewActions', () => {
  it('asks for a reason before rejecting, and sends it', async () => {
    const user = userEvent.setup();
    const { sent, onReviewed } = renderActions([Role.OPERATOR], reviewed);

    await user.click(screen.getByRole('button', { name: 'Reject request by ada@example.com' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject request' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm rejection' }));
    expect(within(dialog).getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(
      /Say why the request is rejected/,
    );
    expect(sent()).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Duplicate account');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm rejection' }));
    await waitFor(() => expect(onReviewed).toHaveBeenCalled());
    expect(sent()).toStrictEqual([{ id: 'q1', input: { status: 'REJECTED', reason: 'Duplicate account' } }]);
  });

  it('approves without a reason', async () => {
    const user = userEvent.setup();
    const { sent, onReviewed } = renderActions([Role.ADMIN], reviewed);

    await user.click(screen.getByRole('button', { name: 'Approve request by ada@example.com' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve request' });
    await user.click(within(dialog).getByRole('button', { name: 'Confirm approval' }));
    await waitFor(() => expect(onReviewed).toHaveBeenCalled());
    expect(sent()).toStrictEqual([{ id: 'q1', input: { status: 'APPROVED', reason: undefined } }]);
  });

  it('shows a CONFLICT in place, hides the decision and asks for a refresh', async () => {
    const user = userEvent.setup();
    const { onConflict, onReviewed } = renderActions(
      [Role.OPERATOR],
      refusal('CONFLICT', 'This request has already been reviewed'),
    );

    await user.click(screen.getByRole('button', { name: /^Approve/ }));
    await user.click(screen.getByRole('button', { name: 'Confirm approval' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Already reviewed by someone else');
    expect(alert).toHaveTextContent('This request has already been reviewed (CONFLICT)');
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(onReviewed).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /^Approve|^Reject/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("shows why one's own request is refused (FORBIDDEN)", async () => {
    const user = userEvent.setup();
    const { onConflict } = renderActions(
      [Role.ADMIN],
      refusal('FORBIDDEN', 'Nobody reviews their own request'),
    );

    await user.click(screen.getByRole('button', { name: /^Approve/ }));
    await user.click(screen.getByRole('button', { name: 'Confirm approval' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You may not review this request');
    expect(alert).toHaveTextContent('Nobody reviews their own request (FORBIDDEN)');
    expect(onConflict).not.toHaveBeenCalled();
  });

  it('shows an AUDITOR no decision to take', () => {
    renderActions([Role.AUDITOR], reviewed);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
