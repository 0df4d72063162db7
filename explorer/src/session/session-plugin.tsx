import { useState, type FormEvent } from 'react';
import { Button, tryParseJSONC, useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import { GatewayError } from '../gateway-api';
import { authorizationOf, withBearer, withoutAuthorization } from './headers';
import { login, logout, refresh, type Session } from './session-api';

type Headers = Record<string, unknown>;

const describe = (error: unknown) =>
  error instanceof GatewayError && error.code ? `${error.message} (${error.code})` : String(error);

/**
 * Sign-in helper. The access token goes where GraphiQL sends headers from: the Headers
 * pane, which lives in memory only (persisting headers is switched off in main.tsx).
 * The refresh token is an HttpOnly cookie for /graphql that this page never reads.
 */
function SessionPanel() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const [session, setSession] = useState<Session>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);

  const currentHeaders = (): Headers => {
    const text = headerEditor?.getValue().trim() ?? '';
    const headers = text ? tryParseJSONC(text) : {};
    if (!headers) throw new Error('The Headers pane is not a JSON object: fix it first');
    return headers;
  };
  const writeHeaders = (headers: Headers) => headerEditor?.setValue(JSON.stringify(headers, null, 2));

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await action();
    } catch (error) {
      setMessage(describe(error));
    } finally {
      setBusy(false);
    }
  };

  const adopt = (next: Session) => {
    writeHeaders(withBearer(currentHeaders(), next.accessToken));
    setSession(next);
  };

  const signIn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => adopt(await login(String(form.get('email')), String(form.get('password')))));
  };

  const renew = () => void run(async () => adopt(await refresh()));

  const signOut = () =>
    void run(async () => {
      const headers = currentHeaders();
      const authorization = authorizationOf(headers);
      if (!authorization) throw new Error('No Authorization header to sign out with');
      await logout(authorization);
      writeHeaders(withoutAuthorization(headers));
      setSession(undefined);
    });

  return (
    <div className="rg-session">
      <div className="graphiql-doc-explorer-title">Session</div>
      {session ? (
        <p className="rg-session-who" data-testid="session-who">
          Signed in as <strong>{session.user.email}</strong> ({session.user.roles.join(', ')}); the access
          token in the Headers pane is valid until {new Date(session.expiresAt).toLocaleTimeString()}.
        </p>
      ) : (
        <form className="rg-session-form" onSubmit={signIn}>
          <label>
            Email
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <Button type="submit" disabled={busy}>
            Sign in
          </Button>
        </form>
      )}
      <div className="rg-session-actions">
        <Button type="button" disabled={busy} onClick={renew}>
          New access token from the refresh cookie
        </Button>
        <Button type="button" disabled={busy} onClick={signOut}>
          Sign out
        </Button>
      </div>
      {message && (
        <p className="rg-session-error" role="alert">
          {message}
        </p>
      )}
      <p className="rg-session-note">
        Signing in puts <code>Authorization: Bearer …</code> into the Headers pane (edit or remove it there;
        it is never saved). The refresh token is an HttpOnly cookie that only the gateway reads; the button
        above trades it for a new access token when the old one expires.
      </p>
    </div>
  );
}

function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l8-8m-3 3l2 2m-4 0l2 2" />
    </svg>
  );
}

export const sessionPlugin: GraphiQLPlugin = { title: 'Session', icon: KeyIcon, content: SessionPanel };
