import { Role, type UsersQuery } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionStore } from '../session/session-store';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { stubClient } from '../test/stub-client';
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

function renderAt(session: SessionStore, path = '/users') {
  const client = stubClient({
    query: { Users: { data: USERS } },
    mutation: {
      UpdateUserRoles: { data: { updateUserRoles: { ...VIEWER, roles: [Role.ADMIN, Role.OPERATOR] } } },
    },
  });
  const { router } = renderPage({
    session,
    routes: [{ path: '/users', element: <UsersPage /> }],
    path,
    client,
  });
  return { client, router };
}

describe('UsersPage', () => {
  it('tells a non-ADMIN that only an ADMIN manages users, and asks the API nothing', async () => {
    const { client } = renderAt(sessionAs([Role.OPERATOR], VIEWER));
    expect(await screen.findByText('Only an ADMIN manages users.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Users' })).not.toBeInTheDocument();
    expect(client.executeQuery).not.toHaveBeenCalled();
  });

  it('lists users with the filters read from the address', async () => {
    const { client } = renderAt(sessionAs([Role.ADMIN], VIEWER), '/users?email=ops&role=OPERATOR');
    const table = await screen.findByRole('table', { name: 'Users' });

    expect(within(table).getByText('ops@example.com')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search by email' })).toHaveValue('ops');
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('OPERATOR');
    expect(client.executeQuery.mock.calls[0]?.[0].variables).toEqual({
      first: 20,
      after: null,
      filter: { email: 'ops', role: 'OPERATOR' },
    });
  });

  it('keeps the chosen role in the address', async () => {
    const { router } = renderAt(sessionAs([Role.ADMIN], VIEWER));
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Role' }), 'AUDITOR');
    expect(router.state.location.search).toBe('?role=AUDITOR');
  });

  it("ends the viewer's session after they change their own roles", async () => {
    const store = sessionAs([Role.ADMIN], VIEWER);
    const expire = jest.spyOn(store, 'expire').mockImplementation(() => undefined);
    renderAt(store);

    await userEvent.click(await screen.findByRole('button', { name: 'Edit roles of admin@example.com' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit roles of admin@example.com' });
    expect(within(dialog).getByText(/Saving ends all your sessions/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'OPERATOR' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    expect(expire).toHaveBeenCalledWith('Your roles changed. Sign in again.');
  });
});
