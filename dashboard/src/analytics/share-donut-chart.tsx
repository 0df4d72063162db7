import { useMantineTheme } from '@mantine/core';
import { Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { colorValue } from './chart-colors';

export interface Share {
  label: string;
  count: number;
  /** A theme colour, "teal.8". */
  color: string;
}

/** Shares of a whole as a donut; the legend gives each share's count in words. */
export function ShareDonutChart({ shares }: { shares: readonly Share[] }) {
  const theme = useMantineTheme();
  const data = shares.map((share) => ({ ...share, fill: colorValue(share.color, theme) }));
  const counts = new Map(shares.map((share) => [share.label, share.count]));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <PieChart accessibilityLayer={false}>
        <Pie
          data={data}
          dataKey="count"
          nameKey="label"
          innerRadius="55%"
          outerRadius="85%"
          paddingAngle={1}
          isAnimationActive={false}
          // The chart is hidden from assistive technology (its table speaks for it), so
          // nothing in it may take the keyboard focus either.
          rootTabIndex={-1}
        />
        <Tooltip />
        <Legend
          verticalAlign="bottom"
          // In the text colour: the shares' own colours are too light for small text.
          formatter={(label: string) => (
            <span style={{ color: 'var(--mantine-color-text)' }}>
              {label} ({(counts.get(label) ?? 0).toLocaleString()})
            </span>
          )}
        />
      </PieChart>
    </ResponsiveContainer>
  );
}
