import { useCallback, useMemo } from 'react';
import { useUrlFilters } from '../ui/use-url-filters';
import { readRange, type DayRange } from './date-range';

const KEYS = ['from', 'to'] as const;

/** The analytics' days, kept in the address as `?from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export function useAnalyticsRange() {
  const [params, setParams] = useUrlFilters(KEYS);
  const range = useMemo(() => readRange(params.from, params.to), [params.from, params.to]);
  const setRange = useCallback((next: DayRange) => setParams({ from: next.from, to: next.to }), [setParams]);
  return [range, setRange] as const;
}
