import { type ReturnModelType } from '@typegoose/typegoose';
import { type QueryFilter } from 'mongoose';
import {
  conflict,
  forbidden,
  isDuplicateKey,
  notFound,
  toObjectId,
  type Identity,
} from '@rewardgraph/service-kit';
import { type EventRewardService } from '../event-rewards/event-reward.service';
import { type CrashHook } from '../faults/crash-points';
import { type RewardOutcomes } from '../observability/reward-outcomes';
import { type PayoutService } from '../payouts/payout.service';
import { type RewardService } from '../rewards/reward.service';
import { type Admission } from './admission';
import { type ReviewRecord } from './grant.model';
import { type GrantService } from './grant.service';
import { REWARD_REMOVED, SYSTEM } from './request-settlement';
import { RequestStatus } from './request-status';
import { type RequestChanges } from './request-changes';
import { type RewardRequestRecord } from './request.model';

type Decision = RequestStatus.APPROVED | RequestStatus.REJECTED;
type RequestModel = ReturnModelType<typeof RewardRequestRecord>;
type ReviewModel = ReturnModelType<typeof ReviewRecord>;

/**
 * PENDING → APPROVED (paid) or REJECTED (claim and stock given back). The review record
 * is the decision: its unique insert picks the one winner among racing reviewers, and
 * applying it (effects, then the request's status, then `applied`) can run again after
 * a crash without changing anything twice.
 */
export class ReviewService {
  constructor(
    private readonly requests: RequestModel,
    private readonly reviews: ReviewModel,
    private readonly eventRewards: EventRewardService,
    private readonly grants: GrantService,
    private readonly rewards: RewardService,
    private readonly payouts: PayoutService,
    private readonly admission: Admission,
    private readonly changes: RequestChanges,
    private readonly crash: CrashHook,
    private readonly outcomes: RewardOutcomes,
  ) {}

  review(
    id: string,
    status: Decision,
    reason: string | null,
    reviewer: Identity,
  ): Promise<RewardRequestRecord> {
    const requestId = toObjectId(id);
    return this.admission.run(async () => {
      const request = await this.requests.findById(requestId).lean<RewardRequestRecord>().exec();
      if (!request) throw notFound('Reward request');
      if (request.userId === reviewer.userId) throw forbidden('Nobody reviews their own request');
      if (request.status !== RequestStatus.PENDING)
        throw conflict(`Only PENDING requests can be reviewed; this one is ${request.status}`);
      const review = await this.record(request, status, reason, reviewer.userId);
      if (!review) throw conflict('This request has already been reviewed');
      return this.apply(review, request);
    });
  }

  /** The platform's own decision on every PENDING request that matches (event deleted, reward removed). */
  async rejectAllPending(match: QueryFilter<RewardRequestRecord>, reason: string): Promise<number> {
    const pending = await this.requests
      .find({ ...match, status: RequestStatus.PENDING })
      .lean<RewardRequestRecord[]>()
      .exec();
    let rejected = 0;
    for (const request of pending) {
      const review = await this.record(request, RequestStatus.REJECTED, reason, SYSTEM);
      if (!review) continue;
      await this.apply(review, request);
      rejected++;
    }
    return rejected;
  }

  /** Makes the request, its claim and slot, and its payout agree with the review. */
  async apply(review: ReviewRecord, request: RewardRequestRecord): Promise<RewardRequestRecord> {
    let result = request;
    if (request.status === RequestStatus.PENDING) {
      const status = await this.applyEffects(review, request);
      this.crash('review-effects-applied');
      result = await this.writeStatus(request, review, status);
      this.crash('review-status-written');
    }
    await this.reviews.updateOne({ _id: review._id }, { $set: { applied: true } }).exec();
    return result;
  }

  /** The status the request ends with: an approval whose reward is gone from the catalog cannot pay. */
  private async applyEffects(review: ReviewRecord, request: RewardRequestRecord): Promise<Decision> {
    if (review.status === RequestStatus.APPROVED) {
      const reward = await this.rewards.findById(request.rewardId.toHexString());
      if (reward) {
        await this.payouts.pay(request, reward);
        return RequestStatus.APPROVED;
      }
    }
    const eventReward = await this.eventRewards.findById(request.eventRewardId);
    await this.grants.release(request._id, request.userId, eventReward);
    return RequestStatus.REJECTED;
  }

  private async writeStatus(
    request: RewardRequestRecord,
    review: ReviewRecord,
    status: Decision,
  ): Promise<RewardRequestRecord> {
    const reason = status === review.status ? review.reason : REWARD_REMOVED;
    const history = [...request.history, { status, by: review.reviewerId, at: review.at, reason }];
    await this.changes.write(request, status, () =>
      this.requests
        .updateOne({ _id: request._id, status: RequestStatus.PENDING }, { $set: { status, reason, history } })
        .exec(),
    );
    return this.outcomes.decision({ ...request, status, reason, history, updatedAt: new Date() }, 'review');
  }

  /** The review, or null when another one was first. */
  private async record(
    request: RewardRequestRecord,
    status: Decision,
    reason: string | null,
    reviewerId: string,
  ): Promise<ReviewRecord | null> {
    try {
      const review = await this.reviews.create({
        requestId: request._id,
        status,
        reason,
        reviewerId,
        at: new Date(),
        applied: false,
      });
      this.crash('review-recorded');
      return review.toObject();
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }
}
