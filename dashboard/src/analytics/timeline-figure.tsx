import { ChartCard } from './chart-card';
import { DayTimelineChart, type DayCount } from './day-timeline-chart';
import { longDay } from './day-label';

/** A figure of counts per day: "Events created per day", with the total over the range. */
export function TimelineFigure({
  title,
  days,
  name,
  color,
  empty,
}: {
  title: string;
  days: readonly DayCount[];
  /** What is counted, for the tooltip and the table: "Events created". */
  name: string;
  color: string;
  empty: string;
}) {
  const total = days.reduce((sum, { count }) => sum + count, 0);
  return (
    <ChartCard
      title={title}
      summary={`${total.toLocaleString()} in all`}
      isEmpty={total === 0}
      empty={empty}
      alternative={{ columns: ['Day', name], rows: days.map(({ day, count }) => [longDay(day), count]) }}
    >
      <DayTimelineChart days={days} name={name} color={color} />
    </ChartCard>
  );
}
