import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { stack } from '../support/env';
import { startDevelopmentGateway } from '../support/explorer';
import { newUser, type Session } from '../support/fixtures';
import { eventually, REFRESH_COOKIE } from '../support/sessions';
import { type ExtraInstance } from '../support/stack';

/** scripts/test.sh installs Debian's chromium when it is missing; CHROMIUM_PATH names another build. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A real browser with no way out: every request to another origin is recorded and
 * aborted, as on a machine without internet. The explorer must still sign in, run
 * queries and use the refresh cookie.
 */
describe('the API explorer in a browser without internet', () => {
  let gateway: ExtraInstance;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let player: Session;
  const elsewhere: string[] = [];
  const problems: string[] = [];

  const refreshCookie = async () =>
    (await context.cookies(`${gateway.url}/graphql`)).find((cookie) => cookie.name === REFRESH_COOKIE);
  const sessionPanel = () => page.locator('.rg-session');
  const responseShows = (text: string) =>
    page.locator('.graphiql-response .view-lines', { hasText: text }).waitFor({ timeout: 15_000 });

  beforeAll(async () => {
    [gateway, player] = await Promise.all([
      startDevelopmentGateway(stack(), 'gateway-development-browser'),
      newUser('explorer'),
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === gateway.url) return route.continue();
      elsewhere.push(url);
      return route.abort('internetdisconnected');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('when a browser opens /graphql, then GraphiQL loads from the gateway alone and introspects the API', async () => {
    await page.goto(`${gateway.url}/graphql`);
    expect(page.url()).toBe(`${gateway.url}/explorer/`);
    await page.locator('.graphiql-query-editor .view-lines', { hasText: 'query Me' }).waitFor();
    // The schema arrived: the docs list the root types.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'Mutation' }).waitFor();
  }, 60_000);

  it('when the player signs in from the Session panel and runs the query, then the gateway answers for them', async () => {
    await page.getByRole('button', { name: 'Show Session' }).click();
    await sessionPanel().getByLabel('Email').fill(player.email);
    await sessionPanel().getByLabel('Password').fill(player.password);
    await sessionPanel().getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('session-who').filter({ hasText: player.email }).waitFor();
    await page.locator('.graphiql-editor-tool .view-lines', { hasText: 'Authorization' }).waitFor();
    const cookie = await refreshCookie();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });

    await page.locator('.graphiql-execute-button').click();
    // The id, not the email: the response pane wraps long lines.
    await responseShows(player.userId);
  }, 30_000);

  it('when the access token is renewed from the panel, then the HttpOnly cookie was sent and rotated', async () => {
    const before = (await refreshCookie())?.value;
    await sessionPanel().getByRole('button', { name: 'New access token from the refresh cookie' }).click();
    expect(before).toBeDefined();
    expect(await eventually(async () => ![before, undefined].includes((await refreshCookie())?.value))).toBe(
      true,
    );
    await page.getByTestId('session-who').filter({ hasText: player.email }).waitFor();
  }, 30_000);

  it('when the player signs out, then the cookie is gone and the query is refused', async () => {
    await sessionPanel().getByRole('button', { name: 'Sign out' }).click();
    await sessionPanel().getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await refreshCookie()).toBeUndefined();
    await page.locator('.graphiql-execute-button').click();
    await responseShows('UNAUTHENTICATED');
  }, 30_000);

  it('when everything has run, then nothing was asked of another origin and the page logged no error', () => {
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
  });
});
