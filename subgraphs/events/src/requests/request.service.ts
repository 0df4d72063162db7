import { type ReturnModelType } from '@typegoose/typegoose';
import {
  forbidden,
  hasAnyRole,
  paginate,
  STAFF_ROLES,
  type Identity,
  type Page,
  type PageArgs,
} from '@rewardgraph/service-kit';
import { type RewardRequestRecord } from './request.model';

export type RewardRequestModel = ReturnModelType<typeof RewardRequestRecord>;

export class RequestService {
  constructor(private readonly requests: RewardRequestModel) {}

  /** A user's requests, newest first; visible to that user and to staff. */
  listForUser(userId: string, viewer: Identity, page: PageArgs): Promise<Page<RewardRequestRecord>> {
    if (viewer.userId !== userId && !hasAnyRole(viewer, STAFF_ROLES)) {
      throw forbidden("Another user's requests are not yours to see");
    }
    return paginate(this.requests, { userId }, page);
  }
}
