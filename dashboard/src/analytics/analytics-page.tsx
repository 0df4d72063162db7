import { Stack, Text, Title } from '@mantine/core';
import { AnalyticsDocument } from '@rewardgraph/api-client';
import { useQuery } from 'urql';
import { QueryState } from '../ui/query-state';
import { AnalyticsFigures } from './analytics-figures';
import { dayCount, rangeProblem, toDateRangeInput } from './date-range';
import { longDay } from './day-label';
import { RangePicker } from './range-picker';
import { useAnalyticsRange } from './use-analytics-range';

export function AnalyticsPage() {
  const [range, setRange] = useAnalyticsRange();
  const problem = rangeProblem(range);
  const [result, reexecute] = useQuery({
    query: AnalyticsDocument,
    variables: { range: toDateRangeInput(range) },
    // A range the API would refuse is shown as such on the field, not asked.
    pause: problem !== undefined,
  });

  return (
    <Stack>
      <Title order={1} size="h2">
        Analytics
      </Title>
      <RangePicker range={range} onChange={setRange} />
      {!problem && (
        <>
          <Text size="sm" aria-live="polite">
            {dayCount(range)} days, {longDay(range.from)} to {longDay(range.to)}, in whole UTC days
          </Text>
          <QueryState result={result} onRetry={() => reexecute({ requestPolicy: 'network-only' })}>
            {(data) => <AnalyticsFigures data={data} />}
          </QueryState>
        </>
      )}
    </Stack>
  );
}
