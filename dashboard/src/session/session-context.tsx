import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Provider as GraphqlProvider } from 'urql';
import { createGraphqlClient } from '../graphql/graphql-client';
import type { SessionState, SessionStore } from './session-store';

const StoreContext = createContext<SessionStore | null>(null);

/**
 * Restores the session from the refresh cookie on load, and gives the pages a GraphQL
 * client bound to the current viewer (a new client, and an empty cache, per sign-in).
 */
export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const viewerId = state.status === 'signed-in' ? state.viewer.id : undefined;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one client per viewer
  const client = useMemo(() => createGraphqlClient(store), [store, viewerId]);

  useEffect(() => {
    if (store.getState().status === 'restoring') void store.refresh();
  }, [store]);

  return (
    <StoreContext.Provider value={store}>
      <GraphqlProvider value={client}>{children}</GraphqlProvider>
    </StoreContext.Provider>
  );
}

export function useSessionStore(): SessionStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSessionStore is used outside <SessionProvider>');
  return store;
}

export function useSession(): SessionState {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The signed-in viewer; only for pages behind <RequireSession>. */
export function useViewer() {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useViewer is used outside a signed-in page');
  return state.viewer;
}
