import { Role } from '@rewardgraph/api-client';
import { screen } from '@testing-library/react';
import type { SessionStore } from '../session/session-store';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { RequireSession } from './require-session';

function renderAt(session: SessionStore, path: string) {
  const { router } = renderPage({
    session,
    routes: [
      { path: '/sign-in', element: <p>sign-in page</p> },
      { element: <RequireSession />, children: [{ path: '/events', element: <p>events page</p> }] },
    ],
    path,
  });
  return router;
}

describe('RequireSession', () => {
  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    const router = renderAt(sessionAs(null), '/events?status=ACTIVE');
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(router.state.location.state).toEqual({ from: '/events?status=ACTIVE' });
  });

  it('shows the page to staff', async () => {
    renderAt(sessionAs([Role.AUDITOR]), '/events');
    expect(await screen.findByText('events page')).toBeInTheDocument();
  });

  it('keeps a player out, with a way to sign out', async () => {
    renderAt(sessionAs([Role.USER]), '/events');
    expect(await screen.findByText(/has no staff role/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByText('events page')).not.toBeInTheDocument();
  });
});
