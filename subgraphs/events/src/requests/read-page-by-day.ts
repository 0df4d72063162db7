import { type QueryFilter } from 'mongoose';
import {
  afterCursor,
  allOf,
  dayOf,
  decodeCursor,
  OrderDirection,
  pageOf,
  sortOf,
  type DayCounts,
  type Page,
  type PageArgs,
  type SortOrder,
} from '@rewardgraph/service-kit';
import { type RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';
import { type RewardRequestModel } from './request.service';

const DAY_MS = 86_400_000;
const shift = (day: string, days: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
const idDayOf = (request: RewardRequestRecord) => dayOf(request._id.getTimestamp());

/**
 * A page of requests in creation (`_id`) order, of one status or all, read bucket by
 * bucket: the tally says how many requests each day bucket holds, so the page is read
 * from just the buckets that hold it, each one an equality on (day, status) that
 * FerretDB answers from an index; sorting a whole status (or the whole collection)
 * would read every document of it.
 *
 * A request's bucket is the day its decision began, which may differ by a day from its
 * id's time (around midnight, or data written by other tools). So the page covers a run
 * of whole id days from the cursor on, reads the buckets of that run and one day either
 * side, and keeps only the requests whose id falls in the run.
 */
export async function readPageByDay(
  requests: RewardRequestModel,
  days: DayCounts,
  status: RequestStatus | undefined,
  { first, after }: PageArgs,
  order: SortOrder,
): Promise<Omit<Page<RewardRequestRecord>, 'totalCount'>> {
  const ascending = order.direction === OrderDirection.ASC;
  const step = ascending ? 1 : -1;
  const countOf = (day: string) => {
    const counts = days.get(day);
    if (!counts) return 0;
    return status ? (counts.get(status) ?? 0) : [...counts.values()].reduce((sum, n) => sum + n, 0);
  };
  const buckets = [...days.keys()].filter((day) => countOf(day) > 0).sort();
  if (!ascending) buckets.reverse();
  const empty = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
  if (buckets.length === 0) return empty;

  const cursor = after ? decodeCursor(order, after) : null;
  const start = cursor ? dayOf(cursor.id.getTimestamp()) : shift(buckets[0], -step);
  const beyond = (day: string, limit: string) => (ascending ? day > limit : day < limit);
  const ahead = buckets.filter((day) => !beyond(start, day));
  const range = cursor ? afterCursor(order, cursor) : {};

  let wanted = first + 1;
  for (;;) {
    let taken = 0;
    let reach = 0;
    while (reach < ahead.length && taken < wanted) taken += countOf(ahead[reach++]);
    const complete = reach === ahead.length;
    const end = complete ? shift(ahead.at(-1) ?? start, step) : ahead[reach - 1];
    const [low, high] = ascending ? [start, end] : [end, start];
    const read = buckets.filter((day) => day >= shift(low, -1) && day <= shift(high, 1));
    const found = await Promise.all(
      read.map((day) =>
        requests
          .find(allOf<QueryFilter<RewardRequestRecord>>({ day, ...(status && { status }) }, range))
          .sort(sortOf(order))
          .limit(first + 1)
          .lean<RewardRequestRecord[]>()
          .exec(),
      ),
    );
    const inRun = found
      .flat()
      .filter((request) => idDayOf(request) >= low && idDayOf(request) <= high)
      .sort((a, b) => step * a._id.toHexString().localeCompare(b._id.toHexString()));
    if (inRun.length > first || complete) return pageOf(inRun, first, order);
    // The counts promised more than the run held (a change not yet recorded): read further.
    wanted *= 2;
  }
}
