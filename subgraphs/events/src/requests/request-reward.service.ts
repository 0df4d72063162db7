import { type ReturnModelType } from '@typegoose/typegoose';
import { Types } from 'mongoose';
import { AppError, conflict, dayOf, ErrorCode, notFound, type Identity } from '@rewardgraph/service-kit';
import { metricsOf, parseCondition } from '../conditions/condition';
import { evaluate, type Evaluation } from '../conditions/evaluate';
import { type EventRewardService } from '../event-rewards/event-reward.service';
import { type EventRecord, isEventOpen } from '../events/event.model';
import { type EventService } from '../events/event.service';
import { type MetricService } from '../metrics/metric.service';
import { type PayoutService } from '../payouts/payout.service';
import { type RewardService } from '../rewards/reward.service';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type GrantService } from './grant.service';
import { RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';

export const OUT_OF_STOCK = 'OUT_OF_STOCK';
export const SYSTEM = 'system';

export interface EligibilityResult extends Evaluation {
  eventOpen: boolean;
  held: number;
  perUserLimit: number;
  stockLeft: number | null;
  eligible: boolean;
}

/** requestReward and eligibility: the rules of §4, in the order a request meets them. */
export class RequestRewardService {
  constructor(
    private readonly requests: ReturnModelType<typeof RewardRequestRecord>,
    private readonly events: EventService,
    private readonly eventRewards: EventRewardService,
    private readonly rewards: RewardService,
    private readonly metrics: MetricService,
    private readonly grants: GrantService,
    private readonly payouts: PayoutService,
  ) {}

  async request(eventId: string, rewardId: string, requester: Identity): Promise<RewardRequestRecord> {
    const { event, eventReward } = await this.load(eventId, rewardId);
    if (!isEventOpen(event)) throw new AppError(ErrorCode.EVENT_NOT_OPEN, 'This event is not open');
    const userId = requester.userId;
    const evaluation = await this.evaluate(event, eventReward, userId);
    const requestId = new Types.ObjectId();
    const base = {
      _id: requestId,
      eventId: event._id,
      rewardId: eventReward.rewardId,
      eventRewardId: eventReward._id,
      userId,
    };

    if (!evaluation.met) return this.record(base, RequestStatus.REJECTED, evaluation.explanation, SYSTEM);
    if (!(await this.grants.claim(eventReward, userId, requestId))) {
      throw conflict(`You already hold ${eventReward.perUserLimit} of this reward (the limit per user)`);
    }
    if (eventReward.stock !== null && !(await this.grants.takeSlot(eventReward, requestId))) {
      await this.grants.release(requestId);
      return this.record(base, RequestStatus.REJECTED, OUT_OF_STOCK, SYSTEM);
    }
    if (!eventReward.autoResolve) return this.record(base, RequestStatus.PENDING, null, userId);

    const approved = await this.record(
      base,
      RequestStatus.APPROVED,
      'approved automatically: condition met',
      SYSTEM,
    );
    const reward = await this.rewards.findById(eventReward.rewardId.toHexString());
    if (reward) await this.payouts.pay(approved, reward);
    return approved;
  }

  /** What requestReward would decide now, and why; writes nothing. */
  async eligibility(eventId: string, rewardId: string, userId: string): Promise<EligibilityResult> {
    const { event, eventReward } = await this.load(eventId, rewardId);
    const [evaluation, held, granted] = await Promise.all([
      this.evaluate(event, eventReward, userId),
      this.grants.heldBy(eventReward, userId),
      this.grants.granted(eventReward),
    ]);
    const eventOpen = isEventOpen(event);
    const stockLeft = eventReward.stock === null ? null : Math.max(0, eventReward.stock - granted);
    const blockers = [
      ...(eventOpen ? [] : ['the event is not open']),
      ...(evaluation.met ? [] : [evaluation.explanation]),
      ...(held >= eventReward.perUserLimit ? [`already holds ${held} of ${eventReward.perUserLimit}`] : []),
      ...(stockLeft === 0 ? ['out of stock'] : []),
    ];
    return {
      ...evaluation,
      explanation: blockers.length ? blockers.join('; ') : 'eligible: a request would be granted now',
      eventOpen,
      held,
      perUserLimit: eventReward.perUserLimit,
      stockLeft,
      eligible: blockers.length === 0,
    };
  }

  private async load(
    eventId: string,
    rewardId: string,
  ): Promise<{ event: EventRecord; eventReward: EventRewardRecord }> {
    const event = await this.events.findById(eventId);
    if (!event) throw notFound('Event');
    return { event, eventReward: await this.eventRewards.get(eventId, rewardId) };
  }

  private async evaluate(event: EventRecord, eventReward: EventRewardRecord, userId: string) {
    const conditions = [parseCondition(event.condition), parseCondition(eventReward.condition)];
    const values = await this.metrics.valuesFor(userId, conditions.flatMap(metricsOf), event);
    return evaluate(conditions, values);
  }

  private async record(
    base: Pick<RewardRequestRecord, '_id' | 'eventId' | 'rewardId' | 'eventRewardId' | 'userId'>,
    status: RequestStatus,
    reason: string | null,
    by: string,
  ): Promise<RewardRequestRecord> {
    const now = new Date();
    const created = await this.requests.create({
      ...base,
      status,
      reason,
      history: [{ status, by, at: now, reason }],
      day: dayOf(now),
    });
    return created.toObject();
  }
}
