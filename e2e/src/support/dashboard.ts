import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { stack } from './env';
import {
  E2E_LIMITS,
  startAuthInstance,
  startDashboardInstance,
  startGatewayInstance,
  type ExtraInstance,
} from './stack';

/** scripts/test.sh installs Debian's chromium when it is missing; CHROMIUM_PATH names another build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DASHBOARD_PORT = 16420;
const DASHBOARD_GATEWAY_PORT = 16421;
const DASHBOARD_AUTH_PORT = 16422;
const SCREENSHOTS = join(__dirname, '..', '..', '..', '.run', 'screenshots', 'dashboard');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface DashboardStack {
  url: string;
  gateway: ExtraInstance;
  stop(): Promise<void>;
}

/** The e2e stack's tiny credential limits unset: the service defaults, as `npm start` runs. */
const DEFAULT_LIMITS = Object.fromEntries(Object.keys(E2E_LIMITS).map((key) => [key, undefined]));

/**
 * The dashboard as `npm start` serves it, in front of its own gateway and auth service on
 * the e2e stack's user and event databases. The gateway's CORS allowlist names the dashboard's origin,
 * as the default settings do for port 5173, and its refresh cookie is Secure (browsers
 * accept that on 127.0.0.1). Every browser call comes from 127.0.0.1, like a small
 * office behind one address: the credential limits are the defaults, not the e2e
 * stack's tiny ones (those have their own tests).
 */
export async function startDashboard(): Promise<DashboardStack> {
  const info = stack();
  const url = `http://127.0.0.1:${DASHBOARD_PORT}`;
  // Its own database of the secure Redis: its sessions and its counters per address, so
  // the browser's calls from 127.0.0.1 never count against the e2e stack's tiny limits.
  const secureRedis = new URL(info.secureRedisUrl);
  secureRedis.pathname = '/2';
  const auth = await startAuthInstance(info, 'auth-dashboard', DASHBOARD_AUTH_PORT, {
    ...DEFAULT_LIMITS,
    SECURE_REDIS_URL: secureRedis.toString(),
  });
  const gateway = await startGatewayInstance(info, 'gateway-dashboard', DASHBOARD_GATEWAY_PORT, {
    AUTH_URL: `${auth.url}/graphql`,
    CORS_ORIGINS: url,
    COOKIE_SECURE: 'true',
    GATEWAY_LIMIT_PER_IP: '5000/60',
    GATEWAY_LIMIT_PER_USER: '5000/60',
  });
  const dashboard = await startDashboardInstance(info, 'dashboard', DASHBOARD_PORT, `${gateway.url}/graphql`);
  return {
    url,
    gateway,
    stop: async () => {
      await dashboard.stop();
      await gateway.stop();
      await auth.stop();
    },
  };
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });

/** A browser tab at 1280 × 800 that records page errors and failed API calls. */
export async function openTab(browser: Browser, viewport = { width: 1280, height: 800 }) {
  const context: BrowserContext = await browser.newContext({ viewport });
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('viewer-email').filter({ hasText: email }).waitFor();
}

/**
 * Goes to a path inside the dashboard as its links do (history, no reload). A reload
 * renews the session with the refresh cookie, and the refresh limits per address count
 * every one: a test that reloads for each page would meet them, as no user does.
 */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate(
    `window.history.pushState(null, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'))`,
  );
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.x A and AA). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the page's CSP rightly refuses injected scripts.
  await page.evaluate(AXE);
  const options = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  };
  // A string runs in the page, where axe is a global (this file is compiled without DOM types).
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, ${JSON.stringify(options)}).then((result) => result.violations)`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves the page as a test artefact: .run/screenshots/dashboard/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
