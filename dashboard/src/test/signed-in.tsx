import type { Role } from '@rewardgraph/api-client';
import { useState, type ReactNode } from 'react';
import { Provider, type Client } from 'urql';
import { SessionProvider } from '../session/session-context';
import { SessionStore } from '../session/session-store';

/** A store already signed in with these roles, without a server: only its state is read. */
export function signedInStore(roles: Role[], id = 'viewer-1'): SessionStore {
  const store = new SessionStore('http://api.invalid/graphql');
  jest.spyOn(store, 'getState').mockReturnValue({
    status: 'signed-in',
    viewer: { id, email: 'staff@example.com', roles },
    accessToken: 't',
    expiresAt: Date.now() + 600_000,
  });
  return store;
}

/** Children rendered for a signed-in viewer, their queries answered by `client`. */
export function SignedIn({
  roles,
  client,
  children,
}: {
  roles: Role[];
  client: Client;
  children: ReactNode;
}) {
  const [store] = useState(() => signedInStore(roles));
  return (
    <SessionProvider store={store}>
      <Provider value={client}>{children}</Provider>
    </SessionProvider>
  );
}
