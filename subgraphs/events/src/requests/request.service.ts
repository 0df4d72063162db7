import { type ReturnModelType } from '@typegoose/typegoose';
import { type QueryFilter } from 'mongoose';
import {
  forbidden,
  hasAnyRole,
  paginate,
  STAFF_ROLES,
  toObjectId,
  type Identity,
  type Page,
  type PageArgs,
} from '@rewardgraph/service-kit';
import { type RewardRequestRecord } from './request.model';
import { type RewardRequestFilter } from './request.input';

export type RewardRequestModel = ReturnModelType<typeof RewardRequestRecord>;

/** Reading requests; owners see their own, staff see all. */
export class RequestService {
  constructor(private readonly requests: RewardRequestModel) {}

  list(filter: RewardRequestFilter = {}, page: PageArgs): Promise<Page<RewardRequestRecord>> {
    const query: QueryFilter<RewardRequestRecord> = {};
    if (filter.status) query.status = filter.status;
    if (filter.eventId) query.eventId = toObjectId(filter.eventId, 'eventId');
    if (filter.userId) query.userId = filter.userId;
    return paginate(this.requests, query, page);
  }

  listForUser(
    userId: string,
    viewer: Identity,
    page: PageArgs,
    filter: RewardRequestFilter = {},
  ): Promise<Page<RewardRequestRecord>> {
    if (viewer.userId !== userId && !hasAnyRole(viewer, STAFF_ROLES)) {
      throw forbidden("Another user's requests are not yours to see");
    }
    return this.list({ ...filter, userId }, page);
  }

  async findVisible(id: string, viewer: Identity): Promise<RewardRequestRecord | null> {
    const request = await this.requests.findById(toObjectId(id)).lean<RewardRequestRecord>().exec();
    if (request && request.userId !== viewer.userId && !hasAnyRole(viewer, STAFF_ROLES)) {
      throw forbidden("Another user's request is not yours to see");
    }
    return request;
  }
}
