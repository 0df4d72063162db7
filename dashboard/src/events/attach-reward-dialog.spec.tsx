import { Role, RewardType, type RewardsQuery } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { stubClient } from '../test/stub-client';
import { AttachRewardDialog } from './attach-reward-dialog';

const reward = (id: string, name: string) => ({
  __typename: 'PointReward' as const,
  id,
  type: RewardType.POINT,
  name,
  points: 10,
  createdAt: '2029-12-01T10:00:00.000Z',
  updatedAt: '2029-12-01T10:00:00.000Z',
});

const Rewards: RewardsQuery = {
  rewards: {
    totalCount: 2,
    pageInfo: { hasNextPage: false, endCursor: null },
    nodes: [reward('r1', 'Snow points'), reward('r2', 'Ice points')],
  },
};

describe('AttachRewardDialog', () => {
  it('offers only the catalog rewards not yet attached, and requires one', async () => {
    const user = userEvent.setup();
    renderPage({
      session: sessionAs([Role.OPERATOR]),
      routes: [
        {
          path: '/events/:id',
          element: <AttachRewardDialog eventId="e1" attachedRewardIds={['r1']} opened onClose={jest.fn()} />,
        },
      ],
      path: '/events/e1',
      client: stubClient({ query: { Rewards: { data: Rewards } } }),
    });

    const dialog = await screen.findByRole('dialog', { name: 'Attach reward' });
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));
    expect(within(dialog).getByRole('combobox', { name: 'Reward' })).toHaveAccessibleDescription(
      'Choose a reward from the catalog',
    );

    await user.click(within(dialog).getByRole('combobox', { name: 'Reward' }));
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((option) => option.textContent)).toEqual(['Ice points (Points · 10)']);
  });
});
