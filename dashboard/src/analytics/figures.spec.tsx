import { RequestStatus } from '@rewardgraph/api-client';
import { screen, within } from '@testing-library/react';
import { renderWithTheme } from '../test/render';
import { REQUEST_STATUS_COLORS } from './chart-colors';
import { DistributionFigure } from './distribution-figure';
import { RewardsPerEventFigure } from './rewards-per-event-figure';
import { TimelineFigure } from './timeline-figure';
import { layOutLikeABrowser } from '../test/browser-layout';

const days = (...counts: number[]) =>
  counts.map((count, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, count }));

const renderTimeline = (counts: number[]) =>
  renderWithTheme(
    <TimelineFigure
      title="Requests per day"
      name="Requests"
      days={days(...counts)}
      color="grape.8"
      empty="No rewards were requested in this range."
    />,
  );

layOutLikeABrowser();

describe('analytics figures', () => {
  it('show their empty state, and no chart, when every day counts zero', () => {
    renderTimeline([0, 0, 0]);
    const figure = screen.getByRole('region', { name: 'Requests per day' });
    expect(within(figure).getByText('No rewards were requested in this range.')).toBeInTheDocument();
    expect(within(figure).queryByTestId('chart')).not.toBeInTheDocument();
    expect(within(figure).queryByRole('table')).not.toBeInTheDocument();
  });

  it('draw a chart hidden from screen readers, with its data as a table for them', () => {
    renderTimeline([0, 3, 1]);
    const figure = screen.getByRole('region', { name: 'Requests per day' });
    expect(within(figure).queryByText('No rewards were requested in this range.')).not.toBeInTheDocument();
    const chart = within(figure).getByTestId('chart');
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    expect(chart.querySelector('svg.recharts-surface')).not.toBeNull();
    expect(within(figure).getByText('4 in all')).toBeInTheDocument();
    const table = within(figure).getByRole('table', { name: 'Requests per day' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByRole('columnheader', { name: 'Requests' })).toBeInTheDocument();
  });

  it('count a distribution as empty only when all of its kinds are zero', () => {
    const counts = Object.values(RequestStatus).map((kind) => ({ kind, count: kind === 'PENDING' ? 2 : 0 }));
    const { rerender } = renderWithTheme(
      <DistributionFigure
        title="Requests by status"
        counts={counts}
        colors={REQUEST_STATUS_COLORS}
        kindName="Status"
        chart="bars"
        empty="No rewards were requested in this range."
      />,
    );
    const table = screen.getByRole('table', { name: 'Requests by status' });
    expect(within(table).getByRole('row', { name: 'PENDING 2' })).toBeInTheDocument();

    rerender(
      <DistributionFigure
        title="Requests by status"
        counts={counts.map((c) => ({ ...c, count: 0 }))}
        colors={REQUEST_STATUS_COLORS}
        kindName="Status"
        chart="bars"
        empty="No rewards were requested in this range."
      />,
    );
    expect(screen.getByText('No rewards were requested in this range.')).toBeInTheDocument();
  });

  it('list every event in the table, the most rewards first, while the chart draws the top ones', () => {
    const events = Array.from({ length: 15 }, (_, i) => ({
      eventId: `e${i}`,
      name: `Event ${i}`,
      rewards: i,
    }));
    renderWithTheme(<RewardsPerEventFigure events={events} />);
    const figure = screen.getByRole('region', { name: 'Rewards per event' });
    expect(within(figure).getByText('Top 12 of 15 events')).toBeInTheDocument();
    const rows = within(within(figure).getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(16);
    expect(rows[1]).toHaveTextContent('Event 1414');
  });
});
