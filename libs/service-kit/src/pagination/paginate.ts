import { type Model, type QueryFilter, type Types } from 'mongoose';
import { allOf } from '../queries/all-of';
import { type Page, type PageArgs } from './connection';
import { afterCursor, decodeCursor, encodeCursor, sortOf } from './cursor';
import { NEWEST_FIRST, type SortOrder } from './order';

/**
 * One page of a list in the given order, without its total. The cursor holds the last
 * node's sort value and `_id`, so every page is one index range however deep the client
 * has paged, provided an index leads with the filter's equality fields and then the
 * order's field and `_id`. The filter and the cursor's range are merged into one
 * document (`allOf`), so FerretDB sends the equalities to PostgreSQL's index.
 */
export async function readPage<D extends { _id: Types.ObjectId }>(
  model: Model<D>,
  filter: QueryFilter<D>,
  { first, after }: PageArgs,
  order: SortOrder = NEWEST_FIRST,
): Promise<Omit<Page<D>, 'totalCount'>> {
  const range = after ? afterCursor(order, decodeCursor(order, after)) : {};
  const docs = await model
    .find(allOf<QueryFilter<D>>(filter, range))
    .sort(sortOf(order))
    .limit(first + 1)
    .lean<D[]>()
    .exec();
  return pageOf(docs, first, order);
}

/** A page from up to `first + 1` documents in the list's order: the one beyond says a next page exists. */
export function pageOf<D extends { _id: Types.ObjectId }>(
  docs: D[],
  first: number,
  order: SortOrder,
): Omit<Page<D>, 'totalCount'> {
  const nodes = docs.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: {
      hasNextPage: docs.length > first,
      endCursor: last ? encodeCursor(order, last as D & Record<string, unknown>) : null,
    },
  };
}

/** A page and how many documents match across all pages (newest first by default). */
export async function paginate<D extends { _id: Types.ObjectId }>(
  model: Model<D>,
  filter: QueryFilter<D>,
  page: PageArgs,
  order: SortOrder = NEWEST_FIRST,
): Promise<Page<D>> {
  const [read, totalCount] = await Promise.all([
    readPage(model, filter, page, order),
    model.countDocuments(allOf<QueryFilter<D>>(filter)).exec(),
  ]);
  return { ...read, totalCount };
}
