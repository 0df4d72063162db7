import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { Client } from 'urql';
import type { SessionStore } from '../session/session-store';
import { renderForViewer } from './render-for-viewer';

/**
 * Renders the page of `routes` that `path` leads to, in the session given, its operations
 * answered by `client`: a unit test of the page, without a server. Any other address
 * shows "elsewhere". Returns the router, to read where the page led.
 */
export function renderPage({
  session,
  routes,
  path,
  client,
}: {
  session: SessionStore;
  routes: RouteObject[];
  path: string;
  client?: Client;
}) {
  const router = createMemoryRouter([...routes, { path: '*', element: <p>elsewhere</p> }], {
    initialEntries: [path],
  });
  renderForViewer(<RouterProvider router={router} />, { session, client });
  return { router };
}
