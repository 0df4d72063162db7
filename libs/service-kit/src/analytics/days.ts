import { badInput } from '../errors/errors';

/** The UTC day of a moment, "2026-11-25": the date bucket written with data that analytics read. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const MAX_RANGE_MS = 366 * 86_400_000;

/** The buckets of a range whose `to` is exclusive, as a query on a day field; at most 366 days. */
export function dayRange({ from, to }: { from: Date; to: Date }): { $gte: string; $lte: string } {
  if (!(to > from)) throw badInput('to must be after from', 'range');
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw badInput('a range spans at most 366 days', 'range');
  return { $gte: dayOf(from), $lte: dayOf(new Date(to.getTime() - 1)) };
}
