import { ChartCard } from './chart-card';
import { CountBarChart } from './count-bar-chart';

/** The events with the most rewards that the chart draws; the data table lists them all. */
const DRAWN = 12;
const BAR_HEIGHT = 28;

/** How many rewards each event of the range offers, the most first. */
export function RewardsPerEventFigure({
  events,
}: {
  events: readonly { eventId: string; name: string; rewards: number }[];
}) {
  const ranked = [...events].sort((a, b) => b.rewards - a.rewards);
  const drawn = ranked.slice(0, DRAWN).map(({ name, rewards }) => ({ label: name, count: rewards }));
  const total = ranked.reduce((sum, { rewards }) => sum + rewards, 0);
  return (
    <ChartCard
      title="Rewards per event"
      summary={
        ranked.length > DRAWN
          ? `Top ${DRAWN} of ${ranked.length} events`
          : `${ranked.length.toLocaleString()} ${ranked.length === 1 ? 'event' : 'events'}`
      }
      isEmpty={total === 0}
      empty="No event created in this range has rewards."
      alternative={{
        columns: ['Event', 'Rewards'],
        rows: ranked.map(({ name, rewards }) => [name, rewards]),
      }}
      height={Math.max(160, drawn.length * BAR_HEIGHT + 40)}
    >
      <CountBarChart bars={drawn} name="Rewards" color="indigo.7" lying />
    </ChartCard>
  );
}
