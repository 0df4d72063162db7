import {
  LoginDocument,
  LogoutDocument,
  RefreshTokenDocument,
  request,
  type Role,
  type SessionFragment,
  type TypedDocumentNode,
} from '@rewardgraph/api-client';
import { ApiError } from '../graphql/api-error';

export interface Viewer {
  id: string;
  email: string;
  roles: Role[];
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; viewer: Viewer; accessToken: string; expiresAt: number };

/**
 * Tabs of one browser share the refresh cookie: two renewing at once would present the
 * same cookie twice, which the server takes for theft and ends the session. The Web
 * Locks API lets one tab renew at a time, so each sends the cookie the last one got.
 */
function withRenewalLock(renew: () => Promise<boolean>): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.locks) return renew();
  // (The DOM typings wrap the callback's promise in another; the lock resolves with its value.)
  return navigator.locks.request('rewardgraph-session-renewal', renew).then((renewed) => renewed);
}

/** Renew this long before the access token expires, so no call races its expiry. */
const RENEW_BEFORE_MS = 60_000;

/**
 * The session of this tab. The access token lives in this object only (never in storage);
 * the refresh token is the gateway's HttpOnly cookie, which this code cannot read and
 * sends with `credentials: 'include'`. Concurrent refreshes share one call: the cookie
 * rotates on every use, and a second call with the old one would end the session.
 */
export class SessionStore {
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<boolean> | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly graphqlUrl: string,
    private readonly now: () => number = Date.now,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SessionState => this.state;

  accessToken(): string | undefined {
    return this.state.status === 'signed-in' ? this.state.accessToken : undefined;
  }

  /** True when the token is gone or about to expire: renew before sending. */
  needsRenewal(): boolean {
    return this.state.status === 'signed-in' && this.state.expiresAt - this.now() < 5_000;
  }

  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.call(LoginDocument, { input: { email, password } });
    if (answer.errors?.length || !answer.data) throw new ApiError(answer.errors ?? []);
    this.adopt(answer.data.login);
  }

  /** Renews the access token with the refresh cookie; false (and signed out) when it is dead. */
  refresh(): Promise<boolean> {
    this.refreshing ??= withRenewalLock(() => this.renew()).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Revokes the session on the server (the cookie is cleared there) and forgets the token. */
  async signOut(): Promise<void> {
    const token = this.accessToken();
    // Waits for the answer: it is what clears the cookie in this browser. Unreachable,
    // the token still goes, and the cookie dies at its expiry.
    if (token) await this.call(LogoutDocument, {}, token).catch(() => undefined);
    this.end();
  }

  /** The server refused the token and a renewal failed: back to the sign-in page. */
  expire(notice = 'Your session ended. Sign in again.'): void {
    this.end(notice);
  }

  private async renew(): Promise<boolean> {
    try {
      const answer = await this.call(RefreshTokenDocument, {});
      if (answer.data?.refreshToken) {
        this.adopt(answer.data.refreshToken);
        return true;
      }
    } catch {
      // Unreachable API: the session cannot be confirmed, so it is not kept.
    }
    const wasSignedIn = this.state.status === 'signed-in';
    this.end(wasSignedIn ? 'Your session ended. Sign in again.' : undefined);
    return false;
  }

  private adopt(session: SessionFragment): void {
    const { user } = session;
    const expiresAt = Date.parse(session.expiresAt);
    this.set({
      status: 'signed-in',
      viewer: { id: user.id, email: user.email, roles: user.roles },
      accessToken: session.accessToken,
      expiresAt,
    });
    clearTimeout(this.renewTimer);
    const delay = Math.max(expiresAt - this.now() - RENEW_BEFORE_MS, 1_000);
    this.renewTimer = setTimeout(() => void this.refresh(), delay);
  }

  private end(notice?: string): void {
    clearTimeout(this.renewTimer);
    this.set({ status: 'signed-out', notice });
  }

  private set(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private call<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    token?: string,
  ) {
    return request(this.graphqlUrl, document, variables, {
      credentials: 'include',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }
}
