import { badInput } from '../errors/errors';

/** The UTC day of a moment, "2026-11-25": the date bucket written with data that analytics read. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const DAY_MS = 86_400_000;
const MAX_RANGE_MS = 366 * DAY_MS;

export interface Range {
  from: Date;
  to: Date;
}

/** Refuses a range that is empty, reversed or longer than 366 days (`BAD_USER_INPUT` on `range`). */
export function checkRange({ from, to }: Range): void {
  if (!(to > from)) throw badInput('to must be after from', 'range');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw badInput('a range spans at most 366 days', 'range');
}

/** The buckets of a range whose `to` is exclusive, as a query on a day field; at most 366 days. */
export function dayRange(range: Range): { $gte: string; $lte: string } {
  checkRange(range);
  const { from, to } = range;
  return { $gte: dayOf(from), $lte: dayOf(new Date(to.getTime() - 1)) };
}

/** Every UTC day a range touches, in order: a midnight-to-midnight range of 56 days gives 56. */
export function daysOf(range: Range): string[] {
  const { $gte, $lte } = dayRange(range);
  const days: string[] = [];
  for (let at = Date.parse(`${$gte}T00:00:00Z`); days.at(-1) !== $lte; at += DAY_MS) {
    days.push(dayOf(new Date(at)));
  }
  return days;
}

/**
 * One entry per day of the range, zero where nothing happened: the database groups only
 * the days that hold data, and a chart needs every day.
 */
export function timeline(
  range: Range,
  counts: ReadonlyMap<string, number>,
): { day: string; count: number }[] {
  return daysOf(range).map((day) => ({ day, count: counts.get(day) ?? 0 }));
}
