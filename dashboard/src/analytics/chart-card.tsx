import { Box, Group, Paper, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { Empty } from '../ui/query-state';
import { DataTable, type TextAlternative } from './data-table';

/**
 * One figure: its title, a short summary, and the chart, or the empty state when there
 * is nothing to draw. The chart is drawn for the eye only; its data is also given as a
 * table that screen readers read.
 */
export function ChartCard({
  title,
  summary,
  isEmpty,
  empty,
  alternative,
  height = 260,
  children,
}: {
  title: string;
  summary?: string;
  isEmpty: boolean;
  empty: string;
  alternative: TextAlternative;
  height?: number;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" gap="xs" mb="sm">
        <Title order={3} size="h5" id={headingId}>
          {title}
        </Title>
        {summary && <Text size="sm">{summary}</Text>}
      </Group>
      {isEmpty ? (
        <Empty>{empty}</Empty>
      ) : (
        <>
          <Box h={height} aria-hidden data-testid="chart">
            {children}
          </Box>
          <DataTable caption={title} {...alternative} />
        </>
      )}
    </Paper>
  );
}
