import { type ReturnModelType } from '@typegoose/typegoose';
import { type QueryFilter } from 'mongoose';
import {
  badInput,
  forbidden,
  hasAnyRole,
  NEWEST_FIRST,
  paginate,
  readPage,
  STAFF_ROLES,
  toObjectId,
  type Identity,
  type Page,
  type PageArgs,
  type SortOrder,
  type Tally,
} from '@rewardgraph/service-kit';
import { type RewardRequestRecord } from './request.model';
import { type RewardRequestFilter } from './request.input';
import { readPageByDay } from './read-page-by-day';
import { type RequestLists } from './request-lists';

export type RewardRequestModel = ReturnModelType<typeof RewardRequestRecord>;

/** One user's list, as `User.rewardRequests` asks for it. */
export interface UserListKey {
  userId: string;
  page: PageArgs;
  order: SortOrder;
}

/** Mongo filter for a RewardRequestFilter; `from` is inclusive, `to` exclusive. */
export function requestFilterQuery(filter: RewardRequestFilter = {}): QueryFilter<RewardRequestRecord> {
  const query: QueryFilter<RewardRequestRecord> = {};
  if (filter.status) query.status = filter.status;
  if (filter.eventId) query.eventId = toObjectId(filter.eventId, 'eventId');
  if (filter.userId) query.userId = filter.userId;
  if (filter.from && filter.to && !(filter.to > filter.from)) throw badInput('to must be after from', 'to');
  if (filter.from || filter.to) {
    query.createdAt = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
  }
  return query;
}

/** Reading requests; owners see their own, staff see all. Pages are kept in `RequestLists`. */
export class RequestService {
  constructor(
    private readonly requests: RewardRequestModel,
    private readonly tally: Tally,
    private readonly lists: RequestLists,
  ) {}

  /**
   * A list filtered by status alone, or not at all (the review queue, the staff's list),
   * is counted by the tally and, in creation order, read bucket by bucket: counting or
   * sorting a whole status in FerretDB reads every document of it. Any other filter
   * narrows the read by an indexed equality (user, event) and is counted in the database.
   */
  async list(
    filter: RewardRequestFilter = {},
    page: PageArgs,
    order: SortOrder = NEWEST_FIRST,
  ): Promise<Page<RewardRequestRecord>> {
    const query = requestFilterQuery(filter);
    const parts = { filter, page, order };
    return await (filter.userId
      ? this.lists.ofUser(filter.userId, parts, () => this.read(query, filter, page, order))
      : this.lists.staff(parts, () => this.read(query, filter, page, order)));
  }

  private async read(
    query: QueryFilter<RewardRequestRecord>,
    filter: RewardRequestFilter,
    page: PageArgs,
    order: SortOrder,
  ): Promise<Page<RewardRequestRecord>> {
    const counts = Object.keys(query).every((field) => field === 'status') ? await this.tally.read() : null;
    if (!counts) return paginate(this.requests, query, page, order);
    const status = filter.status ?? undefined;
    const totalCount = status
      ? (counts.totals.get(status) ?? 0)
      : [...counts.totals.values()].reduce((sum, n) => sum + n, 0);
    const read =
      order.field === '_id'
        ? await readPageByDay(this.requests, counts.days, status, page, order)
        : await readPage(this.requests, query, page, order);
    return { ...read, totalCount };
  }

  listForUser(
    userId: string,
    viewer: Identity,
    page: PageArgs,
    filter: RewardRequestFilter = {},
    order: SortOrder = NEWEST_FIRST,
  ): Promise<Page<RewardRequestRecord>> {
    this.assertMayRead(userId, viewer);
    return this.list({ ...filter, userId }, page, order);
  }

  /**
   * The lists of several users (an `_entities` batch of `User.rewardRequests`), each
   * one the viewer may not read answered FORBIDDEN on its own. Each is the user's own
   * list, kept and read as `myRewardRequests` keeps and reads it: one find cannot limit
   * per user, and FerretDB 1.24's aggregation has no `$push`/`$topN`.
   */
  listsForUsers(
    keys: readonly UserListKey[],
    viewer: Identity,
  ): Promise<(Page<RewardRequestRecord> | Error)[]> {
    return Promise.all(
      keys.map((key) =>
        this.mayRead(key.userId, viewer)
          ? this.list({ userId: key.userId }, key.page, key.order)
          : forbidden("Another user's requests are not yours to see"),
      ),
    );
  }

  async findVisible(id: string, viewer: Identity): Promise<RewardRequestRecord | null> {
    const request = await this.requests.findById(toObjectId(id)).lean<RewardRequestRecord>().exec();
    if (request && request.userId !== viewer.userId && !hasAnyRole(viewer, STAFF_ROLES)) {
      throw forbidden("Another user's request is not yours to see");
    }
    return request;
  }

  private mayRead(userId: string, viewer: Identity): boolean {
    return viewer.userId === userId || hasAnyRole(viewer, STAFF_ROLES);
  }

  private assertMayRead(userId: string, viewer: Identity): void {
    if (!this.mayRead(userId, viewer)) throw forbidden("Another user's requests are not yours to see");
  }
}
