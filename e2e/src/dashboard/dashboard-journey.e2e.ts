import { randomUUID } from 'node:crypto';
import {
  EventWithRewardsDocument,
  MyWalletDocument,
  ReviewRewardRequestDocument,
} from '@rewardgraph/api-client';
import { type Browser, type Page } from 'playwright-core';
import { offer, recordActivity, requestReward, sessionWithRole } from '../support/catalog';
import {
  launchBrowser,
  navigate,
  openTab,
  screenshot,
  signIn,
  startDashboard,
  type DashboardStack,
} from '../support/dashboard';
import { adminSession, newUser, type Session } from '../support/fixtures';
import { gqlOk } from '../support/graphql';

/** "15 January 2030": how the period pickers name a day. */
const dayName = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Opens the review queue on one player's requests (staff other than ADMIN filter by id). */
async function openQueueFor(page: Page, player: Session) {
  await navigate(page, '/review');
  await page.getByRole('textbox', { name: 'Player' }).fill(player.userId);
  await page.getByRole('textbox', { name: 'Player' }).press('Enter');
  return page.getByRole('article', { name: new RegExp(`^Request by ${player.email}`) });
}

/**
 * An operator's day in the dashboard, in a real browser against the real stack: the
 * catalog, an event, a reward with a condition on it, the player's request through the
 * API, the approval in the review queue, and the wallet that shows the payout.
 */
describe('the dashboard journeys in a browser', () => {
  let dash: DashboardStack;
  let browser: Browser;
  let admin: Session;
  let operator: Session;

  beforeAll(async () => {
    admin = await adminSession();
    [dash, browser, operator] = await Promise.all([
      startDashboard(),
      launchBrowser(),
      sessionWithRole(admin, 'OPERATOR'),
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await dash?.stop();
  });

  it('when an operator creates an event, attaches a reward with a condition and approves a player request, then the player is paid once', async () => {
    const { context, page, problems } = await openTab(browser);
    await signIn(page, dash.url, operator.email, operator.password);
    const rewardName = `Journey points ${randomUUID().slice(0, 8)}`;
    const eventName = `Journey event ${randomUUID().slice(0, 8)}`;

    // The catalog: a reward of 75 points.
    await page.getByRole('link', { name: 'Reward catalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reward catalog' }).waitFor();
    await page.getByRole('button', { name: 'New reward' }).click();
    const rewardDialog = page.getByRole('dialog', { name: 'New reward' });
    await rewardDialog.getByRole('radio', { name: 'Points' }).check();
    await rewardDialog.getByRole('textbox', { name: 'Name' }).fill(rewardName);
    await rewardDialog.getByRole('textbox', { name: 'Points' }).fill('75');
    await rewardDialog.getByRole('button', { name: 'Create reward' }).click();
    await page.getByRole('table', { name: 'Reward catalog' }).getByText(rewardName).waitFor();

    // An event open from today for about a month.
    await page.getByRole('link', { name: 'Events' }).click();
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByRole('heading', { level: 1, name: 'New event' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(eventName);
    await page.getByRole('textbox', { name: 'Description' }).fill('Made in the dashboard by a browser test.');
    await page.getByRole('combobox', { name: 'Status' }).selectOption('ACTIVE');
    const today = new Date();
    await page.getByRole('button', { name: 'Period start' }).click();
    await page.getByRole('button', { name: dayName(today), exact: true }).click();
    await page.getByRole('button', { name: 'Set period start' }).click();
    const nextMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 15));
    await page.getByRole('button', { name: 'Period end' }).click();
    await page.getByRole('button', { name: 'Period end: next month' }).click();
    await page.getByRole('button', { name: dayName(nextMonth), exact: true }).click();
    await page.getByRole('button', { name: 'Set period end' }).click();
    await page.getByRole('button', { name: 'Create event' }).click();
    await page.getByRole('heading', { level: 1, name: eventName }).waitFor();
    const eventId = new URL(page.url()).pathname.split('/').pop()!;

    // The reward on the event, for players with at least two boss kills.
    await page.getByRole('button', { name: 'Attach reward' }).click();
    const attach = page.getByRole('dialog', { name: 'Attach reward' });
    await attach.getByRole('combobox', { name: 'Reward' }).fill(rewardName);
    await page.getByRole('option', { name: new RegExp(rewardName) }).click();
    await attach.getByRole('radio', { name: 'Single rule' }).check();
    await attach.getByRole('combobox', { name: 'Rule 1 metric' }).selectOption('ACTIVITY');
    await attach.getByRole('textbox', { name: 'Rule 1 activity' }).fill('boss_kill');
    await attach.getByRole('textbox', { name: 'Rule 1 value' }).fill('2');
    await attach.getByRole('button', { name: 'Attach', exact: true }).click();
    const rewards = page.getByRole('table', { name: 'Event rewards' });
    await rewards.getByRole('row', { name: new RegExp(`${rewardName}.*boss_kill ≥ 2`) }).waitFor();
    await screenshot(page, 'journey-event-with-reward');

    // The player plays, then asks through the API as a game client would.
    const player = await newUser('journey-player');
    const { eventRewards } = await gqlOk(
      EventWithRewardsDocument,
      { id: eventId },
      { token: operator.token },
    );
    const rewardId = eventRewards.find((offered) => offered.reward?.name === rewardName)!.rewardId;
    await recordActivity(operator.token, {
      userId: player.userId,
      name: 'boss_kill',
      amount: 2,
      key: randomUUID(),
    });
    const asked = await requestReward(player.token, eventId, rewardId);
    expect(asked.data?.requestReward.status).toBe('PENDING');

    // The operator approves it in the queue.
    const card = await openQueueFor(page, player);
    await card.getByText('boss_kill ≥ 2').waitFor();
    await screenshot(page, 'journey-review-queue');
    await card.getByRole('button', { name: `Approve request by ${player.email}` }).click();
    await page
      .getByRole('dialog', { name: 'Approve request' })
      .getByRole('button', { name: 'Confirm approval' })
      .click();
    await card.waitFor({ state: 'detached' });

    // The wallet shows it: the player's own, and the operator's view of the request.
    const { me } = await gqlOk(MyWalletDocument, {}, { token: player.token });
    expect(me.wallet.points).toBe(75);
    await navigate(page, `/requests/${asked.data!.requestReward.id}`);
    await page.getByTestId('wallet-points').filter({ hasText: '75' }).waitFor();
    await page.getByText('APPROVED').first().waitFor();

    // The event counts the grant against its reward.
    await navigate(page, `/events/${eventId}`);
    await rewards.getByRole('row', { name: new RegExp(`${rewardName}.*∞\\s*1\\s*∞`) }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('when someone else reviews a request first, then the queue shows the CONFLICT and the request is decided once', async () => {
    const { eventId, rewardId } = await offer({ reward: { type: 'POINT', points: 10 } });
    const player = await newUser('conflict-player');
    const asked = await requestReward(player.token, eventId, rewardId);
    const requestId = asked.data!.requestReward.id;

    const { context, page } = await openTab(browser);
    await signIn(page, dash.url, operator.email, operator.password);
    const card = await openQueueFor(page, player);
    await card.getByRole('button', { name: `Reject request by ${player.email}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject request' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Not earned');

    // Meanwhile the admin approves it through the API.
    await gqlOk(
      ReviewRewardRequestDocument,
      { id: requestId, input: { status: 'APPROVED' } },
      { token: admin.token },
    );
    await dialog.getByRole('button', { name: 'Confirm rejection' }).click();

    const conflict = card.getByRole('alert').filter({ hasText: 'Already reviewed by someone else' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('(CONFLICT)');
    await screenshot(page, 'review-conflict');
    const { me } = await gqlOk(MyWalletDocument, {}, { token: player.token });
    expect(me.wallet.points).toBe(10);
    await context.close();
  }, 60_000);
});
