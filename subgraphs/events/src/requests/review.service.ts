import { type ReturnModelType } from '@typegoose/typegoose';
import { conflict, isDuplicateKey, notFound, toObjectId, type Identity } from '@rewardgraph/service-kit';
import { type PayoutService } from '../payouts/payout.service';
import { type RewardService } from '../rewards/reward.service';
import { type ReviewRecord } from './grant.model';
import { type GrantService } from './grant.service';
import { RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';

/**
 * PENDING → APPROVED (paid) or REJECTED (claim and stock given back). The review
 * record's unique insert decides which of any number of racing reviewers wins.
 */
export class ReviewService {
  constructor(
    private readonly requests: ReturnModelType<typeof RewardRequestRecord>,
    private readonly reviews: ReturnModelType<typeof ReviewRecord>,
    private readonly grants: GrantService,
    private readonly rewards: RewardService,
    private readonly payouts: PayoutService,
  ) {}

  async review(
    id: string,
    status: RequestStatus.APPROVED | RequestStatus.REJECTED,
    reason: string | null,
    reviewer: Identity,
  ): Promise<RewardRequestRecord> {
    const requestId = toObjectId(id);
    const request = await this.requests.findById(requestId).lean<RewardRequestRecord>().exec();
    if (!request) throw notFound('Reward request');
    if (request.status !== RequestStatus.PENDING)
      throw conflict(`Only PENDING requests can be reviewed; this one is ${request.status}`);
    try {
      await this.reviews.create({ requestId, reviewerId: reviewer.userId, at: new Date() });
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('This request has already been reviewed');
      throw error;
    }
    const change = { status, by: reviewer.userId, at: new Date(), reason };
    await this.requests
      .updateOne({ _id: requestId }, { $set: { status, reason }, $push: { history: change } })
      .exec();
    const reviewed: RewardRequestRecord = {
      ...request,
      status,
      reason,
      history: [...request.history, change],
      updatedAt: change.at,
    };

    if (status === RequestStatus.REJECTED) {
      await this.grants.release(requestId);
    } else {
      const reward = await this.rewards.findById(request.rewardId.toHexString());
      if (reward) await this.payouts.pay(reviewed, reward);
    }
    return reviewed;
  }
}
