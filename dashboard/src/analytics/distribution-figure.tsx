import { ChartCard } from './chart-card';
import { CountBarChart } from './count-bar-chart';
import { ShareDonutChart } from './share-donut-chart';

/** A figure of counts by a fixed set of kinds (statuses, reward types): a donut or bars. */
export function DistributionFigure<K extends string>({
  title,
  counts,
  colors,
  kindName,
  chart,
  empty,
}: {
  title: string;
  counts: readonly { kind: K; count: number }[];
  /** A theme colour per kind. */
  colors: Record<K, string>;
  /** The kinds' column in the data table: "Status". */
  kindName: string;
  chart: 'donut' | 'bars';
  empty: string;
}) {
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  const labelled = counts.map(({ kind, count }) => ({ label: kind, count, color: colors[kind] }));
  return (
    <ChartCard
      title={title}
      summary={`${total.toLocaleString()} in all`}
      isEmpty={total === 0}
      empty={empty}
      alternative={{ columns: [kindName, 'Count'], rows: counts.map(({ kind, count }) => [kind, count]) }}
    >
      {chart === 'donut' ? (
        <ShareDonutChart shares={labelled} />
      ) : (
        <CountBarChart bars={labelled} name="Count" color="indigo.7" />
      )}
    </ChartCard>
  );
}
