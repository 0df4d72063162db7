import { useMantineTheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorValue } from './chart-colors';

const LABEL_MAX = 20;
// Long names are cut on the axis; the tooltip and the data table keep them whole.
const cut = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label);

export interface LabelledCount {
  label: string;
  count: number;
  /** This bar's theme colour, when bars differ ("teal.8"). */
  color?: string;
}

/**
 * Counts by label as bars: upright for a few short labels, lying (labels on the left)
 * for many long ones such as event names.
 */
export function CountBarChart({
  bars,
  name,
  color,
  lying = false,
}: {
  bars: readonly LabelledCount[];
  name: string;
  /** The bars' theme colour, unless a bar has its own. */
  color: string;
  lying?: boolean;
}) {
  const theme = useMantineTheme();
  const fill = colorValue(color, theme);
  // A data entry's own fill paints its bar.
  const data = bars.map((bar) => (bar.color ? { ...bar, fill: colorValue(bar.color, theme) } : bar));
  const tick = { fontSize: 12 };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        layout={lying ? 'vertical' : 'horizontal'}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!lying} vertical={lying} />
        {lying ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={tick} />
            <YAxis type="category" dataKey="label" width={150} tick={tick} interval={0} tickFormatter={cut} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={tick} interval={0} />
            <YAxis allowDecimals={false} width={40} tick={tick} />
          </>
        )}
        <Tooltip />
        <Bar dataKey="count" name={name} fill={fill} isAnimationActive={false} maxBarSize={48} />
      </BarChart>
    </ResponsiveContainer>
  );
}
