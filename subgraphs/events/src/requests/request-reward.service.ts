import { setTimeout as sleep } from 'node:timers/promises';
import { type ReturnModelType } from '@typegoose/typegoose';
import { Types } from 'mongoose';
import {
  AppError,
  conflict,
  dayOf,
  ErrorCode,
  isDuplicateKey,
  notFound,
  type DaySets,
  type Identity,
} from '@rewardgraph/service-kit';
import { metricsOf, parseCondition } from '../conditions/condition';
import { evaluate, type Evaluation } from '../conditions/evaluate';
import { batchedInserts, type NewDocument } from '../batching/batched-inserts';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type EventRewardService } from '../event-rewards/event-reward.service';
import { type EventRecord, isEventOpen } from '../events/event.model';
import { type EventService } from '../events/event.service';
import { isEventVisibleTo } from '../events/event-visibility';
import { type CrashHook } from '../faults/crash-points';
import { type MetricService } from '../metrics/metric.service';
import { type RewardOutcomes } from '../observability/reward-outcomes';
import { type Admission } from './admission';
import { type GrantService, stockLeft } from './grant.service';
import { idempotencyKeyOf } from './idempotency-key';
import { type RequestChanges } from './request-changes';
import { NOTHING_HELD, OUT_OF_STOCK, SYSTEM, type RequestSettlement } from './request-settlement';
import { RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';

export interface EligibilityResult extends Evaluation {
  eventOpen: boolean;
  held: number;
  perUserLimit: number;
  stockLeft: number | null;
  eligible: boolean;
}

type RequestModel = ReturnModelType<typeof RewardRequestRecord>;

/**
 * How long a retry that meets its request RECEIVED in another process waits for that
 * process's decision, reading the record every SETTLEMENT_POLL_MS; after it the retry
 * answers RECEIVED (that process died: recovery decides, and a later retry sees it).
 */
const SETTLEMENT_WAIT_MS = 2000;
const SETTLEMENT_POLL_MS = 25;
type NewRequest = Pick<
  RewardRequestRecord,
  '_id' | 'eventId' | 'rewardId' | 'eventRewardId' | 'userId' | 'idempotencyKey' | 'day'
>;

/**
 * requestReward and eligibility: the rules of §4 in the order a request meets them.
 * Decisions read the event and event reward from the database, never from the cache.
 * A request that will hold anything is written first, as RECEIVED, and then settled;
 * one refused outright is written once, with its final status.
 */
export class RequestRewardService {
  /** Requests this process is settling, so a retry with the same key waits for the same answer. */
  private readonly settling = new Map<string, Promise<RewardRequestRecord>>();
  /**
   * Calls in this process with one user and idempotency key, still deciding. Identical
   * retries sent at once share the first call's answer: answered from the database
   * instead, one could read the request after it was recorded but before its decision
   * was tracked here (the inserts' answers arrive on different connections) and be told
   * RECEIVED while the others are told its decision.
   */
  private readonly deciding = new Map<string, Promise<RewardRequestRecord>>();
  private readonly insertOne: (request: NewDocument<RewardRequestRecord>) => Promise<RewardRequestRecord>;

  constructor(
    private readonly requests: RequestModel,
    private readonly events: EventService,
    private readonly eventRewards: EventRewardService,
    private readonly metrics: MetricService,
    private readonly grants: GrantService,
    private readonly settlement: RequestSettlement,
    private readonly admission: Admission,
    private readonly participants: DaySets,
    private readonly changes: RequestChanges,
    private readonly crash: CrashHook,
    private readonly outcomes: RewardOutcomes,
  ) {
    this.insertOne = batchedInserts(requests);
  }

  async request(
    eventId: string,
    rewardId: string,
    requester: Identity,
    idempotencyKey?: string | null,
  ): Promise<RewardRequestRecord> {
    const key = idempotencyKeyOf(idempotencyKey);
    const decide = () => this.admission.run(() => this.decide(eventId, rewardId, requester.userId, key));
    if (key === null) return decide();
    const call = `${requester.userId}:${key}`;
    const running = this.deciding.get(call);
    if (running) return running;
    const decision = decide();
    this.deciding.set(call, decision);
    try {
      return await decision;
    } finally {
      this.deciding.delete(call);
    }
  }

  private async decide(
    eventId: string,
    rewardId: string,
    userId: string,
    key: string | null,
  ): Promise<RewardRequestRecord> {
    const [event, eventReward] = await Promise.all([
      this.events.findForDecision(eventId),
      this.eventRewards.findForDecision(eventId, rewardId),
    ]);
    if (!event || !eventReward || !isEventOpen(event)) {
      // A retry of a request made while the event was open still gets that request.
      const earlier = key ? await this.earlier(userId, key) : null;
      if (earlier) return this.answerFor(earlier);
      if (!event) throw notFound('Event');
      if (!eventReward) throw notFound('This reward on this event');
      throw new AppError(ErrorCode.EVENT_NOT_OPEN, 'This event is not open');
    }

    const evaluation = await this.evaluate(event, eventReward, userId);
    const _id = new Types.ObjectId();
    const base: NewRequest = {
      _id,
      eventId: event._id,
      rewardId: eventReward.rewardId,
      eventRewardId: eventReward._id,
      userId,
      idempotencyKey: key ?? _id.toHexString(),
      day: dayOf(new Date()),
    };
    if (!evaluation.met) return this.recordRefusal(base, evaluation.explanation);
    if (!(await this.grants.stockMayRemain(eventReward))) return this.recordRefusal(base, OUT_OF_STOCK);

    const received = await this.insert({
      ...base,
      status: RequestStatus.RECEIVED,
      reason: null,
      history: [],
    });
    if (!received._id.equals(_id)) return received;
    this.crash('request-recorded');
    return this.track(received, this.settlement.settle(received, eventReward, NOTHING_HELD, false));
  }

  /** What requestReward would decide now, and why; writes nothing. An event hidden from the viewer is not found. */
  async eligibility(eventId: string, rewardId: string, viewer: Identity): Promise<EligibilityResult> {
    const userId = viewer.userId;
    const [event, eventReward] = await Promise.all([
      this.events.findForDecision(eventId),
      this.eventRewards.findForDecision(eventId, rewardId),
    ]);
    if (!event || !isEventVisibleTo(event, viewer)) throw notFound('Event');
    if (!eventReward) throw notFound('This reward on this event');
    const [evaluation, held, taken] = await Promise.all([
      this.evaluate(event, eventReward, userId),
      this.grants.heldBy(eventReward, userId),
      this.grants.slotsTaken(eventReward),
    ]);
    const eventOpen = isEventOpen(event);
    const left = stockLeft(eventReward.stock, taken);
    const blockers = [
      ...(eventOpen ? [] : ['the event is not open']),
      ...(evaluation.met ? [] : [evaluation.explanation]),
      ...(held >= eventReward.perUserLimit ? [`already holds ${held} of ${eventReward.perUserLimit}`] : []),
      ...(left === 0 ? ['out of stock'] : []),
    ];
    return {
      ...evaluation,
      explanation: blockers.length ? blockers.join('; ') : 'eligible: a request would be granted now',
      eventOpen,
      held,
      perUserLimit: eventReward.perUserLimit,
      stockLeft: left,
      eligible: blockers.length === 0,
    };
  }

  private async evaluate(event: EventRecord, eventReward: EventRewardRecord, userId: string) {
    const conditions = [parseCondition(event.condition), parseCondition(eventReward.condition)];
    const values = await this.metrics.valuesFor(userId, conditions.flatMap(metricsOf), event);
    return evaluate(conditions, values);
  }

  private recordRefusal(base: NewRequest, reason: string): Promise<RewardRequestRecord> {
    const status = RequestStatus.REJECTED;
    return this.insert({
      ...base,
      status,
      reason,
      history: [{ status, by: SYSTEM, at: new Date(), reason }],
    }).then((refused) => this.outcomes.decision(refused, 'request'));
  }

  /** The first request with this user and key, whoever inserted it. */
  private async insert(request: NewDocument<RewardRequestRecord> & NewRequest): Promise<RewardRequestRecord> {
    await this.participants.add(request.day, request.userId);
    try {
      return await this.changes.write(request, request.status, () => this.insertOne(request));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.changes.refused(request);
      const first = await this.earlier(request.userId, request.idempotencyKey);
      if (!first) throw error;
      return this.answerFor(first);
    }
  }

  private earlier(userId: string, idempotencyKey: string): Promise<RewardRequestRecord | null> {
    return this.requests.findOne({ userId, idempotencyKey }).lean<RewardRequestRecord>().exec();
  }

  private async answerFor(request: RewardRequestRecord): Promise<RewardRequestRecord> {
    const settling = this.settling.get(request._id.toHexString());
    if (settling) return settling;
    if (request.status !== RequestStatus.RECEIVED) return request;
    // Another instance is settling it (or its process died: recovery will). Its decision is
    // written within milliseconds, so a retry waits for it rather than answer RECEIVED.
    const deadline = Date.now() + SETTLEMENT_WAIT_MS;
    for (;;) {
      const now = await this.requests.findById(request._id).lean<RewardRequestRecord>().exec();
      if (!now) throw conflict('You already hold the limit of this reward');
      if (now.status !== RequestStatus.RECEIVED || Date.now() >= deadline) return now;
      await sleep(SETTLEMENT_POLL_MS);
    }
  }

  private track(request: RewardRequestRecord, settled: Promise<RewardRequestRecord>) {
    const id = request._id.toHexString();
    this.settling.set(id, settled);
    void settled.then(
      () => this.settling.delete(id),
      () => this.settling.delete(id),
    );
    return settled;
  }
}
