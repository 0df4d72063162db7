import { type ReturnModelType } from '@typegoose/typegoose';
import { conflict } from '@rewardgraph/service-kit';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type CrashHook } from '../faults/crash-points';
import { type RewardOutcomes } from '../observability/reward-outcomes';
import { type PayoutService } from '../payouts/payout.service';
import { type RewardService } from '../rewards/reward.service';
import { type GrantService, type Holdings } from './grant.service';
import { type RequestChanges } from './request-changes';
import { RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';
import { GONE } from '../figures/request-figures';

export const OUT_OF_STOCK = 'OUT_OF_STOCK';
export const REWARD_REMOVED = 'REWARD_REMOVED';
export const AUTO_APPROVED = 'approved automatically: condition met';
export const SYSTEM = 'system';

export const NOTHING_HELD: Holdings = { claim: null, slot: null };

type FinalStatus = RequestStatus.PENDING | RequestStatus.APPROVED | RequestStatus.REJECTED;

/**
 * Everything that happens to a RECEIVED request, in order: claim, stock slot, payout,
 * final status. Each step is keyed by the request, so the recovery worker runs the same
 * code after a crash with what the request already holds, and a step done twice changes
 * nothing. The status is written last: until then the request stays RECEIVED, which is
 * how recovery finds it.
 */
export class RequestSettlement {
  constructor(
    private readonly requests: ReturnModelType<typeof RewardRequestRecord>,
    private readonly grants: GrantService,
    private readonly rewards: RewardService,
    private readonly payouts: PayoutService,
    private readonly changes: RequestChanges,
    private readonly crash: CrashHook,
    private readonly outcomes: RewardOutcomes,
  ) {}

  async settle(
    request: RewardRequestRecord,
    eventReward: EventRewardRecord | null,
    held: Holdings,
    paid: boolean,
  ): Promise<RewardRequestRecord> {
    const { _id: requestId, userId } = request;
    if (paid) return this.finish(request, RequestStatus.APPROVED, AUTO_APPROVED, SYSTEM);
    if (!eventReward) {
      await this.grants.release(requestId, userId, null);
      return this.finish(request, RequestStatus.REJECTED, REWARD_REMOVED, SYSTEM);
    }

    const claim = held.claim ?? (await this.grants.claim(eventReward, userId, requestId));
    if (claim === null) {
      // Nothing is held: the attempt is undone, as if it had never been recorded.
      await this.changes.write(request, GONE, () =>
        this.requests.deleteOne({ _id: requestId, status: RequestStatus.RECEIVED }).exec(),
      );
      throw conflict(`You already hold ${eventReward.perUserLimit} of this reward (the limit per user)`);
    }
    this.crash('claim-taken');

    if (eventReward.stock !== null && held.slot === null) {
      const slot = await this.grants.takeSlot(eventReward, requestId);
      if (slot === null) {
        await this.grants.release(requestId, userId, eventReward);
        this.crash('claim-released');
        return this.finish(request, RequestStatus.REJECTED, OUT_OF_STOCK, SYSTEM);
      }
      this.crash('slot-taken');
    }

    if (!eventReward.autoResolve) return this.finish(request, RequestStatus.PENDING, null, userId);
    const reward = await this.rewards.findById(eventReward.rewardId.toHexString());
    if (!reward) {
      await this.grants.release(requestId, userId, eventReward);
      return this.finish(request, RequestStatus.REJECTED, REWARD_REMOVED, SYSTEM);
    }
    await this.payouts.pay(request, reward);
    this.crash('payout-inserted');
    return this.finish(request, RequestStatus.APPROVED, AUTO_APPROVED, SYSTEM);
  }

  /** The history is set whole from the record read, so writing it twice gives the same history. */
  private async finish(
    request: RewardRequestRecord,
    status: FinalStatus,
    reason: string | null,
    by: string,
  ): Promise<RewardRequestRecord> {
    const at = new Date();
    const history = [...request.history, { status, by, at, reason }];
    // One update per command: FerretDB 1.24 holds a PostgreSQL connection for every
    // statement of an update command until it ends (docs/development.md).
    await this.changes.write(request, status, () =>
      this.requests
        .updateOne(
          { _id: request._id, status: RequestStatus.RECEIVED },
          { $set: { status, reason, history } },
        )
        .exec(),
    );
    return this.outcomes.decision({ ...request, status, reason, history, updatedAt: at }, 'request');
  }
}
