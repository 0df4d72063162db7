import type { Role } from '@rewardgraph/api-client';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { getOperationName, Provider as GraphqlProvider, type Client, type Operation } from 'urql';
import { fromValue, never } from 'wonka';
import { SessionProvider } from '../../session/session-context';
import { SessionStore } from '../../session/session-store';
import { renderWithTheme } from '../../test/render';

/**
 * Renders a page at `path` for a viewer with `roles`, on a urql client that answers each
 * query with the fixed data given under its operation name (and never answers mutations):
 * a unit test of the page, without a server. Returns the router and the queries asked.
 */
export function renderPage({
  roles,
  route,
  path,
  data,
}: {
  roles: Role[];
  route: { path: string; element: ReactElement };
  path: string;
  data: Record<string, unknown>;
}) {
  const store = new SessionStore('http://api.invalid/graphql');
  jest.spyOn(store, 'getState').mockReturnValue({
    status: 'signed-in',
    viewer: { id: 'u1', email: 'staff@example.com', roles },
    accessToken: 't',
    expiresAt: Date.now() + 600_000,
  });
  const queries: Operation[] = [];
  const client = {
    executeQuery: (operation: Operation) => {
      queries.push(operation);
      return fromValue({
        operation,
        data: data[getOperationName(operation.query) ?? ''],
        stale: false,
        hasNext: false,
      });
    },
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
  const router = createMemoryRouter([route, { path: '*', element: <p>elsewhere</p> }], {
    initialEntries: [path],
  });

  renderWithTheme(
    <SessionProvider store={store}>
      <GraphqlProvider value={client}>
        <RouterProvider router={router} />
      </GraphqlProvider>
    </SessionProvider>,
  );
  return { router, queries };
}
