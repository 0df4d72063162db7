import { type Browser, type Route } from 'playwright-core';
import { sessionWithRole } from '../support/catalog';
import {
  launchBrowser,
  openTab,
  screenshot,
  seriousViolations,
  signIn,
  startDashboard,
  type DashboardStack,
} from '../support/dashboard';
import { adminSession, newUser, type Session } from '../support/fixtures';
import { REFRESH_COOKIE } from '../support/sessions';

/** Signing in and out of the dashboard in a real browser, against the real stack. */
describe('the dashboard session in a browser', () => {
  let dash: DashboardStack;
  let browser: Browser;
  let operator: Session;

  beforeAll(async () => {
    [dash, browser, operator] = await Promise.all([
      startDashboard(),
      launchBrowser(),
      adminSession().then((admin) => sessionWithRole(admin, 'OPERATOR')),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dash?.stop();
  });

  it('when a visitor opens a page, then they sign in first and land on it, with no serious accessibility violation', async () => {
    const { page, problems } = await openTab(browser);
    await page.goto(`${dash.url}/events`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in');

    await page.getByLabel('Email').fill(operator.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();

    await page.getByRole('textbox', { name: 'Password' }).fill(operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('viewer-email').filter({ hasText: operator.email }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/events');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('when the page reloads, then the HttpOnly refresh cookie restores the session and no token is stored in the page', async () => {
    const { context, page, problems } = await openTab(browser);
    await signIn(page, dash.url, operator.email, operator.password);
    const cookie = (await context.cookies(`${dash.gateway.url}/graphql`)).find(
      (c) => c.name === REFRESH_COOKIE,
    );
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/graphql' });

    await page.reload();
    await page.getByTestId('viewer-email').filter({ hasText: operator.email }).waitFor();
    const rotated = (await context.cookies(`${dash.gateway.url}/graphql`)).find(
      (c) => c.name === REFRESH_COOKIE,
    );
    expect(rotated?.value).not.toBe(cookie?.value);
    const stored = await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })');
    expect(stored).not.toMatch(/eyJ|rgr_/);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('when two tabs of one browser renew at the same moment, then both keep the session (they renew one at a time)', async () => {
    const { context, page } = await openTab(browser);
    await signIn(page, dash.url, operator.email, operator.password);
    const second = await context.newPage();
    // Renewals are held until two are waiting (or 2 s pass), then sent together: two tabs
    // that renewed at once would present one cookie twice, which the server takes for
    // theft. The lock between tabs means the second never starts before the first ends.
    const held: Route[] = [];
    let mostAtOnce = 0;
    await context.route(`${dash.gateway.url}/graphql`, async (route) => {
      if (!route.request().postData()?.includes('refreshToken')) return route.continue();
      held.push(route);
      mostAtOnce = Math.max(mostAtOnce, held.length);
      if (held.length === 2) return Promise.all(held.splice(0).map((r) => r.continue()));
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      if (held.includes(route)) await held.splice(held.indexOf(route), 1)[0].continue();
    });

    await Promise.all([page.reload(), second.goto(`${dash.url}/events`)]);
    await page.getByTestId('viewer-email').filter({ hasText: operator.email }).waitFor();
    await second.getByTestId('viewer-email').filter({ hasText: operator.email }).waitFor();
    expect(mostAtOnce).toBe(1);
    await context.unroute(`${dash.gateway.url}/graphql`);
    await page.reload();
    await page.getByTestId('viewer-email').filter({ hasText: operator.email }).waitFor();
    await context.close();
  }, 60_000);

  it('when the operator signs out, then the server ends the session and a reload asks to sign in', async () => {
    const { context, page } = await openTab(browser);
    await signIn(page, dash.url, operator.email, operator.password);
    const before = (await context.cookies(`${dash.gateway.url}/graphql`)).find(
      (c) => c.name === REFRESH_COOKIE,
    );

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const after = (await context.cookies(`${dash.gateway.url}/graphql`)).find(
      (c) => c.name === REFRESH_COOKIE,
    );
    expect(after).toBeUndefined();

    // The old cookie is dead on the server too, not just forgotten by this browser.
    await context.addCookies([before!]);
    await page.goto(`${dash.url}/events`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  }, 60_000);

  it('when a player (USER only) signs in, then the dashboard stays closed to them', async () => {
    const player = await newUser('dashboard-player');
    const { context, page } = await openTab(browser);
    await page.goto(`${dash.url}/sign-in`);
    await page.getByLabel('Email').fill(player.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(player.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('has no staff role').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await context.close();
  }, 60_000);
});
