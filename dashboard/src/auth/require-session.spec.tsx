import { Role } from '@rewardgraph/api-client';
import { screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { SessionProvider } from '../session/session-context';
import { SessionStore } from '../session/session-store';
import { renderWithTheme } from '../test/render';
import { RequireSession } from './require-session';

/** A store already signed in (or out) without a server: only its state is read here. */
function storeAs(roles: Role[] | null): SessionStore {
  const store = new SessionStore('http://api.invalid/graphql');
  const state = roles
    ? {
        status: 'signed-in' as const,
        viewer: { id: 'u1', email: 'ops@example.com', roles },
        accessToken: 't',
        expiresAt: Date.now() + 600_000,
      }
    : { status: 'signed-out' as const };
  jest.spyOn(store, 'getState').mockReturnValue(state);
  return store;
}

function renderAt(store: SessionStore, path: string) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <p>sign-in page</p> },
      { element: <RequireSession />, children: [{ path: '/events', element: <p>events page</p> }] },
    ],
    { initialEntries: [path] },
  );
  renderWithTheme(
    <SessionProvider store={store}>
      <RouterProvider router={router} />
    </SessionProvider>,
  );
  return router;
}

describe('RequireSession', () => {
  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    const router = renderAt(storeAs(null), '/events?status=ACTIVE');
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(router.state.location.state).toEqual({ from: '/events?status=ACTIVE' });
  });

  it('shows the page to staff', async () => {
    renderAt(storeAs([Role.AUDITOR]), '/events');
    expect(await screen.findByText('events page')).toBeInTheDocument();
  });

  it('keeps a player out, with a way to sign out', async () => {
    renderAt(storeAs([Role.USER]), '/events');
    expect(await screen.findByText(/has no staff role/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByText('events page')).not.toBeInTheDocument();
  });
});
