import { useMantineTheme } from '@mantine/core';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colorValue } from './chart-colors';
import { longDay, shortDay } from './day-label';

export interface DayCount {
  day: string;
  count: number;
}

/** A count per day as an area over the range. */
export function DayTimelineChart({
  days,
  name,
  color,
}: {
  days: readonly DayCount[];
  name: string;
  color: string;
}) {
  const theme = useMantineTheme();
  const fill = colorValue(color, theme);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart
        data={[...days]}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={24} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(day) => longDay(String(day))} />
        <Area
          type="monotone"
          dataKey="count"
          name={name}
          stroke={fill}
          fill={fill}
          fillOpacity={0.2}
          strokeWidth={2}
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}
