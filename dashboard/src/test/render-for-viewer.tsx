import type { ReactElement } from 'react';
import { Provider as GraphqlProvider, type Client } from 'urql';
import { SessionProvider } from '../session/session-context';
import type { SessionStore } from '../session/session-store';
import { renderWithTheme } from './render';
import { stubClient } from './stub-client';

/**
 * Renders `ui` in the session given (see `sessionAs`), its operations answered by
 * `client` (by default one that answers nothing).
 */
export function renderForViewer(
  ui: ReactElement,
  { session, client = stubClient() }: { session: SessionStore; client?: Client },
) {
  return renderWithTheme(
    <SessionProvider store={session}>
      <GraphqlProvider value={client}>{ui}</GraphqlProvider>
    </SessionProvider>,
  );
}
