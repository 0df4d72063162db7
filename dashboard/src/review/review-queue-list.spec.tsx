import { Role, type ReviewedRequestFragment } from '@rewardgraph/api-client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, getOperationName } from 'urql';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { stubClient, type StubAnswer } from '../test/stub-client';
import { ReviewQueueList } from './review-queue-list';

const request = (id: string, email: string, createdAt: string): ReviewedRequestFragment => ({
  id,
  eventId: 'e1',
  rewardId: 'r1',
  userId: `user-${id}`,
  status: 'PENDING',
  reason: null,
  history: [{ status: 'PENDING', by: 'system', at: createdAt, reason: 'condition met: loginDays 3 of 3' }],
  createdAt,
  updatedAt: createdAt,
  user: { id: `user-${id}`, email },
  event: { id: 'e1', name: 'Winter Festival' },
  reward: { id: 'r1', name: 'Snow sword', type: 'ITEM' },
});

const ada = request('q1', 'ada@example.com', '2026-01-01T10:00:00.000Z');
const bob = request('q2', 'bob@example.com', '2026-01-02T10:00:00.000Z');
const queue = (nodes: ReviewedRequestFragment[]) => ({
  data: {
    rewardRequests: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, nodes },
  },
});

function renderQueue(pages: ReviewedRequestFragment[][], review: StubAnswer = 'pending') {
  let asked = 0;
  const client = stubClient({
    query: {
      RewardRequests: () => queue(pages[Math.min(asked++, pages.length - 1)]),
      ReviewConditions: {
        data: {
          event: { id: 'e1', condition: { metric: 'loginDays', gte: 3 } },
          eventRewards: [{ id: 'er1', rewardId: 'r1', condition: null }],
        },
      },
    },
    mutation: { ReviewRewardRequest: review },
  });
  renderPage({
    session: sessionAs([Role.OPERATOR]),
    routes: [{ path: '/', element: <ReviewQueueList /> }],
    path: '/',
    client,
  });
  return client;
}

describe('ReviewQueueList', () => {
  it('asks for the PENDING requests, oldest first, and explains each one', async () => {
    const client = renderQueue([[ada, bob]]);
    const card = await screen.findByRole('article', { name: 'Request by ada@example.com for Snow sword' });
    expect(within(card).getByText('Event: login days ≥ 3')).toBeInTheDocument();
    expect(within(card).getByText('This reward: No condition')).toBeInTheDocument();
    expect(within(card).getByText('condition met: loginDays 3 of 3')).toBeInTheDocument();
    expect(client.executeQuery.mock.calls[0][0].variables).toMatchObject({
      orderBy: { field: 'CREATED_AT', direction: 'ASC' },
      filter: { status: 'PENDING' },
    });
  });

  it('says so when nothing waits', async () => {
    renderQueue([[]]);
    expect(await screen.findByText('No requests are waiting for review.')).toBeInTheDocument();
  });

  it('refreshes on a CONFLICT but keeps that request shown with the notice until dismissed', async () => {
    const user = userEvent.setup();
    const conflict = new CombinedError({
      graphQLErrors: [
        { message: 'This request has already been reviewed', extensions: { code: 'CONFLICT' } },
      ],
    });
    // Someone else approved Ada's request: the refreshed queue holds Bob's only.
    const client = renderQueue([[ada, bob], [bob]], { error: conflict });

    const card = await screen.findByRole('article', { name: /ada@example.com/ });
    await user.click(within(card).getByRole('button', { name: 'Approve request by ada@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Confirm approval' }));

    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('Already reviewed by someone else');
    expect(alert).toHaveTextContent('(CONFLICT)');
    await waitFor(() =>
      expect(
        client.executeQuery.mock.calls.filter(([op]) => getOperationName(op.query) === 'RewardRequests'),
      ).toHaveLength(2),
    );
    expect(screen.getByRole('article', { name: /ada@example.com/ })).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('article', { name: /ada@example.com/ })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: /bob@example.com/ })).toBeInTheDocument();
  });
});
