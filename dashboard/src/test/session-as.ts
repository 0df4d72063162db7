import type { Role } from '@rewardgraph/api-client';
import { SessionStore, type SessionState, type Viewer } from '../session/session-store';

/**
 * A session without a server, only its state read: signed in with these roles (as the
 * viewer given, where a test needs to be that user), or signed out for `null`.
 */
export function sessionAs(roles: Role[] | null, viewer: Partial<Omit<Viewer, 'roles'>> = {}): SessionStore {
  const store = new SessionStore('http://api.invalid/graphql');
  const state: SessionState = roles
    ? {
        status: 'signed-in',
        viewer: { id: 'viewer-1', email: 'staff@example.com', ...viewer, roles },
        accessToken: 't',
        expiresAt: Date.now() + 600_000,
      }
    : { status: 'signed-out' };
  jest.spyOn(store, 'getState').mockReturnValue(state);
  return store;
}
