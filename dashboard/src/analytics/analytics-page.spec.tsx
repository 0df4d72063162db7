import { EventStatus, RequestStatus, RewardType, Role, type AnalyticsQuery } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../test/render-page';
import { sessionAs } from '../test/session-as';
import { stubClient } from '../test/stub-client';
import { AnalyticsPage } from './analytics-page';
import { lastDays } from './date-range';
import { layOutLikeABrowser } from '../test/browser-layout';

const zeroDays = [{ day: '2026-11-01', count: 0 }];
const someDays = [
  { day: '2026-11-01', count: 2 },
  { day: '2026-11-02', count: 0 },
];
const range = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' };

const DATA: AnalyticsQuery = {
  eventAnalytics: {
    range,
    statusDistribution: Object.values(EventStatus).map((status) => ({
      status,
      count: status === 'ACTIVE' ? 2 : 0,
    })),
    rewardsPerEvent: [{ eventId: 'e1', name: 'Winter cup', rewards: 3 }],
    timeline: someDays,
  },
  rewardAnalytics: {
    typeDistribution: Object.values(RewardType).map((type) => ({ type, count: 1 })),
    requestStatusDistribution: Object.values(RequestStatus).map((status) => ({ status, count: 0 })),
    requestTimeline: someDays,
  },
  userAnalytics: {
    newUsers: 0,
    totalUsers: 8,
    participants: 3,
    activeUsers: 5,
    participationRate: 0.375,
    newUsersTimeline: zeroDays,
    activityTimeline: someDays,
  },
};

function renderAt(path: string) {
  const client = stubClient({ query: { Analytics: { data: DATA } } });
  const { router } = renderPage({
    session: sessionAs([Role.AUDITOR]),
    routes: [{ path: '/analytics', element: <AnalyticsPage /> }],
    path,
    client,
  });
  const variables = () => client.executeQuery.mock.calls.at(-1)?.[0].variables;
  return { client, router, variables };
}

layOutLikeABrowser();

describe('AnalyticsPage', () => {
  it('asks for the days in the address, the last one included, and shows every figure', async () => {
    const { variables } = renderAt('/analytics?from=2026-11-01&to=2026-11-30');

    expect(await screen.findByRole('heading', { level: 1, name: 'Analytics' })).toBeInTheDocument();
    expect(variables()).toEqual({
      range: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
    });
    expect(screen.getByRole('button', { name: 'Date range' })).toHaveTextContent(
      'Nov 1, 2026 – Nov 30, 2026',
    );
    expect(screen.getByText(/^30 days,/)).toBeInTheDocument();
    for (const title of [
      'New users per day',
      'Activity per day',
      'Events by status',
      'Events created per day',
      'Rewards per event',
      'Catalog rewards by type',
      'Requests by status',
      'Requests per day',
    ]) {
      expect(screen.getByRole('region', { name: title })).toBeInTheDocument();
    }
    expect(screen.getByTestId('stat-Participation rate')).toHaveTextContent('37.5%');
    const drawn = screen
      .getAllByTestId('chart')
      .filter((chart) => chart.querySelector('svg.recharts-surface'));
    expect(drawn).toHaveLength(6);
    const requests = screen.getByRole('region', { name: 'Requests by status' });
    expect(within(requests).getByText('No rewards were requested in this range.')).toBeInTheDocument();
  });

  it('writes a quick range into the address', async () => {
    const { router } = renderAt('/analytics');
    const quick = await screen.findByRole('group', { name: 'Quick ranges' });
    expect(within(quick).getByRole('button', { name: 'Last 30 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await userEvent.click(within(quick).getByRole('button', { name: 'Last 7 days' }));

    const week = lastDays(7);
    expect(router.state.location.search).toBe(`?from=${week.from}&to=${week.to}`);
    expect(within(quick).getByRole('button', { name: 'Last 7 days' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('takes a range picked in the calendar once both days are chosen', async () => {
    const { router, variables } = renderAt('/analytics?from=2026-11-01&to=2026-11-30');
    await userEvent.click(await screen.findByRole('button', { name: 'Date range' }));

    await userEvent.click(await screen.findByRole('button', { name: '5 November 2026' }));
    expect(router.state.location.search).toBe('?from=2026-11-01&to=2026-11-30');
    await userEvent.click(await screen.findByRole('button', { name: '12 November 2026' }));

    expect(router.state.location.search).toBe('?from=2026-11-05&to=2026-11-12');
    expect(variables()).toEqual({
      range: { from: '2026-11-05T00:00:00.000Z', to: '2026-11-13T00:00:00.000Z' },
    });
  });

  it('refuses a range longer than the API allows on the field, without asking', async () => {
    const { client } = renderAt('/analytics?from=2025-01-01&to=2026-06-30');
    expect(await screen.findByText('A range spans at most 366 days')).toBeInTheDocument();
    expect(client.executeQuery).not.toHaveBeenCalled();
  });
});
