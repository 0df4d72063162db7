import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { offer, recordActivity, requestReward, sessionWithRole } from '../support/catalog';
import {
  launchBrowser,
  navigate,
  openTab,
  screenshot,
  seriousViolations,
  signIn,
  startDashboard,
  type DashboardStack,
} from '../support/dashboard';
import { adminSession, newUser, type Session } from '../support/fixtures';

interface Visit {
  name: string;
  path: string;
  /** What shows once the page has its data. */
  ready: (page: Page) => Promise<void>;
}

/** Opens a page and waits for its data; a page that never gets there is kept as a screenshot. */
async function open(page: Page, visit: Visit, prefix = ''): Promise<void> {
  await navigate(page, visit.path);
  try {
    await visit.ready(page);
  } catch (error) {
    await screenshot(page, `failed-${prefix}${visit.name}`);
    throw error;
  }
}

/** Presses Tab until the focused control's name matches; fails after 60 presses. */
async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string>(
      `(document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').trim()`,
    );
    if (name.test(focused)) return;
  }
  throw new Error(`no control named ${name} took the focus within 60 presses of Tab`);
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

/**
 * Every page of the dashboard as an ADMIN, an AUDITOR and at tablet width: no serious
 * accessibility violation, a screenshot of each, edit controls only for who may edit.
 */
describe('the dashboard pages in a browser', () => {
  let dash: DashboardStack;
  let browser: Browser;
  let admin: Session;
  let auditor: Session;
  let player: Session;
  let seeded: { eventId: string; rewardId: string; requestId: string };
  let visits: Visit[];

  beforeAll(async () => {
    admin = await adminSession();
    [dash, browser, auditor, player] = await Promise.all([
      startDashboard(),
      launchBrowser(),
      sessionWithRole(admin, 'AUDITOR'),
      newUser('pages-player'),
    ]);
    const { eventId, rewardId } = await offer({
      reward: { type: 'ITEM', itemId: 'pages-sword', quantity: 1 },
      condition: { rule: { metric: 'ACTIVITY', activity: 'page_visit', comparison: 'GTE', value: 1 } },
      stock: 5,
    });
    // Activity is recorded at once (a login day arrives through the bus, later).
    await recordActivity(admin.token, { userId: player.userId, name: 'page_visit', key: randomUUID() });
    const asked = await requestReward(player.token, eventId, rewardId);
    expect(asked.data?.requestReward.status).toBe('PENDING');
    seeded = { eventId, rewardId, requestId: asked.data!.requestReward.id };
    visits = [
      {
        name: 'events',
        path: '/events',
        ready: (page) => page.getByRole('table', { name: 'Events' }).waitFor(),
      },
      {
        name: 'event-detail',
        path: `/events/${seeded.eventId}`,
        ready: (page) => page.getByRole('table', { name: 'Event rewards' }).waitFor(),
      },
      { name: 'event-new', path: '/events/new', ready: (page) => heading(page, 'New event') },
      {
        name: 'reward-catalog',
        path: '/rewards',
        ready: (page) => page.getByRole('table', { name: 'Reward catalog' }).waitFor(),
      },
      {
        name: 'review-queue',
        path: `/review?player=${player.userId}`,
        ready: (page) =>
          page.getByRole('article', { name: new RegExp(`^Request by ${player.email}`) }).waitFor(),
      },
      {
        name: 'requests',
        path: '/requests',
        ready: (page) => page.getByRole('table', { name: 'Reward requests' }).waitFor(),
      },
      {
        name: 'request-detail',
        path: `/requests/${seeded.requestId}`,
        ready: (page) => page.getByRole('list', { name: 'History of the request' }).waitFor(),
      },
      {
        name: 'users',
        path: '/users',
        ready: (page) => page.getByRole('table', { name: 'Users' }).waitFor(),
      },
      {
        name: 'analytics',
        path: '/analytics',
        ready: (page) => page.getByRole('region', { name: 'Requests by status' }).waitFor(),
      },
    ];
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await dash?.stop();
  });

  describe('as an ADMIN at 1280 px', () => {
    let context: BrowserContext;
    let page: Page;
    let problems: string[];

    beforeAll(async () => {
      ({ context, page, problems } = await openTab(browser));
      await signIn(page, dash.url, admin.email, admin.password);
    }, 30_000);
    afterAll(() => context?.close());

    it('when each page opens, then it shows its data with no serious or critical axe violation', async () => {
      const found: Record<string, string[]> = {};
      for (const visit of visits) {
        await open(page, visit);
        await screenshot(page, visit.name);
        const violations = await seriousViolations(page);
        if (violations.length) found[visit.name] = violations;
      }
      expect(found).toEqual({});
      expect(problems).toEqual([]);
    }, 120_000);

    it('when the admin uses the keyboard only, then the navigation, a page and a dialog answer to Tab, Enter and Escape', async () => {
      await navigate(page, `/review?player=${player.userId}`);
      await heading(page, 'Review queue');
      await page.locator('body').focus();
      await tabTo(page, /^Requests$/);
      await page.keyboard.press('Enter');
      await heading(page, 'Requests');
      await page.goBack();
      await heading(page, 'Review queue');
      await tabTo(page, new RegExp(`^Approve request by ${player.email}$`));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Approve request' });
      await dialog.waitFor();
      expect(await dialog.evaluate((node) => node.contains(node.ownerDocument.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('article', { name: new RegExp(`^Request by ${player.email}`) }).waitFor();
    }, 60_000);

    it('when the admin grants a user OPERATOR in Users & roles, then the list shows the new role', async () => {
      const user = await newUser('promoted');
      await navigate(page, '/users');
      await page
        .getByRole('searchbox', { name: 'Search by email' })
        .or(page.getByRole('textbox', { name: 'Search by email' }))
        .fill(user.email);
      await page.getByRole('button', { name: `Edit roles of ${user.email}` }).click();
      const dialog = page.getByRole('dialog', { name: `Edit roles of ${user.email}` });
      await dialog.getByRole('checkbox', { name: 'OPERATOR' }).check();
      await dialog.getByRole('button', { name: 'Save roles' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: new RegExp(user.email) });
      await row.getByText('OPERATOR').waitFor();
    }, 60_000);

    it('when the admin picks a date range in Analytics, then the figures cover that range', async () => {
      await navigate(page, '/analytics');
      await page.getByRole('button', { name: 'Last 7 days' }).click();
      await page.getByText(/^7 days, /).waitFor();
      expect(new URL(page.url()).searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await page.getByRole('region', { name: 'Requests by status' }).waitFor();
      const total = await page.getByTestId('stat-Total users').textContent();
      expect(Number(total?.match(/\d[\d,]*/)?.[0].replace(/,/g, ''))).toBeGreaterThan(0);
    }, 60_000);
  });

  describe('as an AUDITOR', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await openTab(browser));
      await signIn(page, dash.url, auditor.email, auditor.password);
    }, 30_000);
    afterAll(() => context?.close());

    it('when the auditor opens every page, then they read everything and see no edit control', async () => {
      const editing =
        /^(New event|Edit event|Delete event|Attach reward|New reward|Create event|Approve request.*|Reject request.*|Edit roles.*|Save roles|Edit .+|Remove .+|Delete .+)$/;
      const shown: Record<string, string[]> = {};
      for (const visit of visits.filter((v) => !['event-new', 'users'].includes(v.name))) {
        await open(page, visit, 'auditor-');
        const controls = await page.getByRole('button').or(page.getByRole('link')).allInnerTexts();
        const labels = await page
          .locator('button[aria-label], a[aria-label]')
          .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
        const edits = [...controls, ...labels]
          .map((text) => text.trim())
          .filter((text) => editing.test(text));
        if (edits.length) shown[visit.name] = edits;
      }
      expect(shown).toEqual({});
      expect(await page.getByRole('link', { name: 'Users & roles' }).count()).toBe(0);

      await navigate(page, '/events/new');
      await page.getByText('You cannot edit events').waitFor();
      await navigate(page, '/users');
      await page.getByText('Only an ADMIN manages users.').waitFor();
      await screenshot(page, 'auditor-users');
    }, 120_000);
  });

  describe('on a tablet (800 × 1100)', () => {
    it('when the pages open, then nothing spills sideways and the navigation opens from its button', async () => {
      const { context, page } = await openTab(browser, { width: 800, height: 1100 });
      await signIn(page, dash.url, admin.email, admin.password);
      const overflowing: string[] = [];
      for (const visit of visits) {
        await open(page, visit, 'tablet-');
        const spills = await page.evaluate<boolean>(
          'document.documentElement.scrollWidth > document.documentElement.clientWidth',
        );
        if (spills) overflowing.push(visit.name);
        await screenshot(page, `tablet-${visit.name}`);
      }
      expect(overflowing).toEqual([]);
      await page.getByRole('button', { name: 'Toggle navigation' }).click();
      await page.getByRole('link', { name: 'Review queue' }).click();
      await heading(page, 'Review queue');
      await context.close();
    }, 120_000);
  });
});
