import type { DateRangeInput } from '@rewardgraph/api-client';

/**
 * Whole days as the analytics count them: UTC days, written YYYY-MM-DD, from the first
 * to the last day, both included (how a person reads "Nov 1 – Nov 30").
 */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
/** The API's longest range (DateRangeInput: "at most 366 days"). */
export const MAX_DAYS = 366;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const startOf = (day: string) => Date.parse(`${day}T00:00:00.000Z`);

/** The UTC day an instant falls on. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A real calendar day in YYYY-MM-DD ("2026-02-30" is not one). */
export const isDay = (text: string): boolean =>
  DAY_PATTERN.test(text) && !Number.isNaN(startOf(text)) && utcDay(startOf(text)) === text;

/** The last `days` days, today (UTC) included. */
export function lastDays(days: number, now: number = Date.now()): DayRange {
  return { from: utcDay(now - (days - 1) * DAY_MS), to: utcDay(now) };
}

/** How many days the range covers, both ends included. */
export const dayCount = ({ from, to }: DayRange): number =>
  Math.round((startOf(to) - startOf(from)) / DAY_MS) + 1;

/**
 * The API's range for these days: from the start of the first day (UTC) to the start of
 * the day after the last one, as `to` is exclusive.
 */
export function toDateRangeInput({ from, to }: DayRange): DateRangeInput {
  return { from: new Date(startOf(from)).toISOString(), to: new Date(startOf(to) + DAY_MS).toISOString() };
}

/** Why the API would refuse the range, checked before asking; undefined when it is fine. */
export function rangeProblem(range: DayRange): string | undefined {
  if (range.to < range.from) return 'The last day comes before the first';
  if (dayCount(range) > MAX_DAYS) return `A range spans at most ${MAX_DAYS} days`;
  return undefined;
}

/** The range in the address, or the last 30 days when it has none (or not a readable one). */
export function readRange(from: string, to: string, now: number = Date.now()): DayRange {
  return isDay(from) && isDay(to) ? { from, to } : lastDays(30, now);
}
