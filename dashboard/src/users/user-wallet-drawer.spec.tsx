import type { UserWalletQuery, WalletFieldsFragment } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { renderWithTheme } from '../test/render';
import { stubClient } from '../test/stub-client';
import { UserWalletDrawer } from './user-wallet-drawer';

const USER = { id: 'u7', email: 'player@example.com' };

function renderWallet(wallet: WalletFieldsFragment) {
  const data: UserWalletQuery = { user: { ...USER, wallet } };
  renderWithTheme(
    <Provider value={stubClient({ query: { UserWallet: { data } } })}>
      <UserWalletDrawer user={USER} onClose={() => undefined} />
    </Provider>,
  );
  return screen.findByRole('dialog', { name: 'Wallet of player@example.com' });
}

describe('UserWalletDrawer', () => {
  it('says so when nothing has been paid out', async () => {
    const drawer = await renderWallet({ points: 0, items: [], coupons: [], badges: [] });
    expect(
      within(drawer).getByText('Nothing has been paid out to player@example.com yet.'),
    ).toBeInTheDocument();
  });

  it('shows the points, items, coupons and badges paid out', async () => {
    const drawer = await renderWallet({
      points: 1500,
      items: [{ itemId: 'sword', quantity: 2 }],
      coupons: [],
      badges: [{ badgeId: 'first-win' }],
    });
    expect(within(drawer).getByTestId('wallet-points')).toHaveTextContent((1500).toLocaleString());
    const items = within(drawer).getByRole('table', { name: 'Items' });
    expect(within(items).getByRole('row', { name: 'sword 2' })).toBeInTheDocument();
    expect(within(drawer).getByText('No coupons.')).toBeInTheDocument();
    expect(within(drawer).getByText('first-win')).toBeInTheDocument();
  });
});
