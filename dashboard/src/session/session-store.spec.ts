import { Role } from '@rewardgraph/api-client';
import { SessionStore } from './session-store';

const URL = 'http://api.invalid/graphql';
const MINUTE = 60_000;
const ADMIN = { id: 'u1', email: 'admin@example.com', roles: [Role.ADMIN] };

const answer = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

const session = (accessToken: string, expiresAt: number) => ({
  accessToken,
  expiresAt: new Date(expiresAt).toISOString(),
  user: ADMIN,
});

/** What the store sent in its n-th call: the operation's text, variables and headers. */
function sent(fetchMock: jest.Mock, n: number) {
  const [url, init] = fetchMock.mock.calls[n] as [string, RequestInit];
  const body = JSON.parse(String(init.body)) as { query: string; variables: unknown };
  return { url, init, headers: init.headers as Record<string, string>, ...body };
}

let fetchMock: jest.Mock;

beforeEach(() => {
  fetchMock = jest.fn();
  global.fetch = fetchMock;
});

afterEach(() => {
  jest.useRealTimers();
});

async function signedIn(store: SessionStore, token = 'access-1', expiresAt = Date.now() + 15 * MINUTE) {
  fetchMock.mockResolvedValueOnce(answer({ data: { login: session(token, expiresAt) } }));
  await store.signIn(ADMIN.email, 'secret');
}

describe('SessionStore', () => {
  it('signs in: adopts the viewer and the token, sending the credentials with the cookie', async () => {
    const store = new SessionStore(URL);
    await signedIn(store);

    expect(store.getState()).toMatchObject({ status: 'signed-in', viewer: ADMIN, accessToken: 'access-1' });
    expect(store.accessToken()).toBe('access-1');
    const call = sent(fetchMock, 0);
    expect(call.url).toBe(URL);
    expect(call.init.credentials).toBe('include');
    expect(call.query).toMatch(/mutation Login/);
    expect(call.variables).toEqual({ input: { email: ADMIN.email, password: 'secret' } });
  });

  it('refuses a wrong password with the API error and stays signed out', async () => {
    const store = new SessionStore(URL);
    fetchMock.mockResolvedValueOnce(
      answer({ errors: [{ message: 'Invalid credentials', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );

    await expect(store.signIn(ADMIN.email, 'wrong')).rejects.toThrow('Invalid credentials');
    expect(store.accessToken()).toBeUndefined();
  });

  it('makes one request for two concurrent refreshes, as the cookie rotates on each use', async () => {
    const store = new SessionStore(URL);
    let reply: (response: Response) => void = () => undefined;
    fetchMock.mockReturnValueOnce(new Promise<Response>((resolve) => (reply = resolve)));

    const first = store.refresh();
    const second = store.refresh();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sent(fetchMock, 0).query).toMatch(/mutation RefreshToken/);

    reply(answer({ data: { refreshToken: session('access-2', Date.now() + 15 * MINUTE) } }));
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    expect(store.accessToken()).toBe('access-2');

    // Once settled, the next renewal is a new request.
    fetchMock.mockResolvedValueOnce(
      answer({ data: { refreshToken: session('access-3', Date.now() + MINUTE) } }),
    );
    await store.refresh();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(store.accessToken()).toBe('access-3');
  });

  it('ends the session with a notice when a renewal is refused', async () => {
    const store = new SessionStore(URL);
    await signedIn(store);
    fetchMock.mockResolvedValueOnce(
      answer({ data: null, errors: [{ message: 'Session ended', extensions: { code: 'UNAUTHENTICATED' } }] }),
    );

    await expect(store.refresh()).resolves.toBe(false);
    expect(store.getState()).toEqual({ status: 'signed-out', notice: 'Your session ended. Sign in again.' });
    expect(store.accessToken()).toBeUndefined();
  });

  it('ends the session with a notice when the API cannot be reached during a renewal', async () => {
    const store = new SessionStore(URL);
    await signedIn(store);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(store.refresh()).resolves.toBe(false);
    expect(store.getState()).toEqual({ status: 'signed-out', notice: 'Your session ended. Sign in again.' });
  });

  it('shows no notice when there was no session to restore on load', async () => {
    const store = new SessionStore(URL);
    fetchMock.mockResolvedValueOnce(answer({ errors: [{ message: 'No refresh cookie' }] }));

    await expect(store.refresh()).resolves.toBe(false);
    expect(store.getState()).toEqual({ status: 'signed-out', notice: undefined });
  });

  it('signs out: sends logout with the bearer token and forgets the token', async () => {
    const store = new SessionStore(URL);
    await signedIn(store, 'access-9');
    const listener = jest.fn();
    store.subscribe(listener);
    fetchMock.mockResolvedValueOnce(answer({ data: { logout: true } }));

    await store.signOut();

    const call = sent(fetchMock, 1);
    expect(call.query).toMatch(/mutation Logout/);
    expect(call.headers.authorization).toBe('Bearer access-9');
    expect(call.init.credentials).toBe('include');
    expect(store.accessToken()).toBeUndefined();
    expect(store.getState()).toEqual({ status: 'signed-out', notice: undefined });
    expect(listener).toHaveBeenCalled();
  });

  it('forgets the token on sign-out even when the API cannot be reached', async () => {
    const store = new SessionStore(URL);
    await signedIn(store);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));

    await expect(store.signOut()).resolves.toBeUndefined();
    expect(store.accessToken()).toBeUndefined();
  });

  it('schedules the renewal a minute before the access token expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    const store = new SessionStore(URL);
    await signedIn(store, 'access-1', Date.now() + 15 * MINUTE);
    const renewal = jest.spyOn(store, 'refresh');
    fetchMock.mockResolvedValueOnce(
      answer({ data: { refreshToken: session('access-2', Date.now() + 30 * MINUTE) } }),
    );

    jest.advanceTimersByTime(14 * MINUTE - 1);
    expect(renewal).not.toHaveBeenCalled();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(1);
    expect(renewal).toHaveBeenCalledTimes(1);
    expect(sent(fetchMock, 1).query).toMatch(/mutation RefreshToken/);
    await expect(renewal.mock.results[0]?.value).resolves.toBe(true);
    expect(store.accessToken()).toBe('access-2');
  });

  it('cancels the scheduled renewal when the session ends', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    const store = new SessionStore(URL);
    await signedIn(store);
    store.expire('Your roles changed. Sign in again.');

    jest.advanceTimersByTime(60 * MINUTE);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(store.getState()).toEqual({ status: 'signed-out', notice: 'Your roles changed. Sign in again.' });
  });
});
