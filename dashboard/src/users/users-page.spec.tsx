import { Role, type UsersQuery } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { SessionProvider } from '../session/session-context';
import { SessionStore } from '../session/session-store';
import { renderWithTheme } from '../test/render';
import { UsersPage } from './users-page';

const VIEWER = { id: 'u1', email: 'admin@example.com', roles: [Role.ADMIN] };

const USERS: UsersQuery = {
  users: {
    totalCount: 2,
    pageInfo: { hasNextPage: false, endCursor: null },
    nodes: [
      { ...VIEWER, createdAt: '2026-10-01T00:00:00Z' },
      { id: 'u2', email: 'ops@example.com', roles: [Role.USER], createdAt: '2026-11-01T00:00:00Z' },
    ],
  },
};

function signedInAs(roles: Role[]): SessionStore {
  const store = new SessionStore('http://api.invalid/graphql');
  jest.spyOn(store, 'getState').mockReturnValue({
    status: 'signed-in',
    viewer: { ...VIEWER, roles },
    accessToken: 't',
    expiresAt: Date.now() + 600_000,
  });
  return store;
}

function renderPage(store: SessionStore, path = '/users') {
  const client = {
    executeQuery: jest.fn(() => fromValue({ data: USERS, stale: false, hasNext: false })),
    executeMutation: jest.fn(() =>
      fromValue({ data: { updateUserRoles: { ...VIEWER, roles: [Role.ADMIN, Role.OPERATOR] } } }),
    ),
  };
  const router = createMemoryRouter([{ path: '/users', element: <UsersPage /> }], { initialEntries: [path] });
  renderWithTheme(
    <SessionProvider store={store}>
      <Provider value={client as unknown as Client}>
        <RouterProvider router={router} />
      </Provider>
    </SessionProvider>,
  );
  return { client, router };
}

describe('UsersPage', () => {
  it('tells a non-ADMIN that only an ADMIN manages users, and asks the API nothing', async () => {
    const { client } = renderPage(signedInAs([Role.OPERATOR]));
    expect(await screen.findByText('Only an ADMIN manages users.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Users' })).not.toBeInTheDocument();
    expect(client.executeQuery).not.toHaveBeenCalled();
  });

  it('lists users with the filters read from the address', async () => {
    const { client } = renderPage(signedInAs([Role.ADMIN]), '/users?email=ops&role=OPERATOR');
    const table = await screen.findByRole('table', { name: 'Users' });

    expect(within(table).getByText('ops@example.com')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search by email' })).toHaveValue('ops');
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('OPERATOR');
    const [operation] = client.executeQuery.mock.calls[0] as unknown as [{ variables: unknown }];
    expect(operation.variables).toEqual({
      first: 20,
      after: null,
      filter: { email: 'ops', role: 'OPERATOR' },
    });
  });

  it('keeps the chosen role in the address', async () => {
    const { router } = renderPage(signedInAs([Role.ADMIN]));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Role' }), 'AUDITOR');
    expect(router.state.location.search).toBe('?role=AUDITOR');
  });

  it("ends the viewer's session after they change their own roles", async () => {
    const store = signedInAs([Role.ADMIN]);
    const expire = jest.spyOn(store, 'expire').mockImplementation(() => undefined);
    renderPage(store);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit roles of admin@example.com' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit roles of admin@example.com' });
    expect(within(dialog).getByText(/Saving ends all your sessions/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'OPERATOR' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    expect(expire).toHaveBeenCalledWith('Your roles changed. Sign in again.');
  });
});
