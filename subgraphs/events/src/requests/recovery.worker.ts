import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { AppError, underLease } from '@rewardgraph/service-kit';
import { type EventRewardService } from '../event-rewards/event-reward.service';
import { type PayoutService } from '../payouts/payout.service';
import { type ReviewRecord } from './grant.model';
import { type GrantService } from './grant.service';
import { type RequestSettlement } from './request-settlement';
import { RequestStatus } from './request-status';
import { type RewardRequestRecord } from './request.model';
import { type ReviewService } from './review.service';

export interface RecoveryOptions {
  intervalMs: number;
  /** Younger work may still be in its own process's hands. */
  graceMs: number;
}

export interface RecoveryReport {
  requests: number;
  reviews: number;
}

/** How many of each kind one pass takes on; the next pass takes the rest. */
const BATCH = 200;
/** How long a killed instance's item stays out of the others' reach; renewed while it is worked on. */
const LEASE_MS = 15_000;

/**
 * Finishes what a crash left half-done, at start-up and then periodically: RECEIVED
 * requests are settled with what they already hold (the same steps as a live request),
 * unapplied reviews are applied, and numbers a dead process took from the unit helper
 * are offered again. Every instance runs passes; each item is worked on under a lease
 * in Redis (`underLease`), so exactly one instance works on it at a time, and a killed
 * instance's items are taken up by another's next pass once its lease has expired.
 */
export class RecoveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<RecoveryReport> | undefined;

  constructor(
    private readonly requests: ReturnModelType<typeof RewardRequestRecord>,
    private readonly reviews: ReturnModelType<typeof ReviewRecord>,
    private readonly eventRewards: EventRewardService,
    private readonly grants: GrantService,
    private readonly payouts: PayoutService,
    private readonly settlement: RequestSettlement,
    private readonly reviewing: ReviewService,
    private readonly redis: Redis,
    private readonly options: RecoveryOptions,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  /** One pass; a pass already running is joined, not doubled. */
  runOnce(): Promise<RecoveryReport> {
    this.pass ??= this.recover()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'recovery pass failed');
        return { requests: 0, reviews: 0 };
      })
      .finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async recover(): Promise<RecoveryReport> {
    const before = Date.now() - this.options.graceMs;
    const [received, unapplied] = await Promise.all([
      this.requests
        .find({ status: RequestStatus.RECEIVED })
        .limit(BATCH)
        .lean<RewardRequestRecord[]>()
        .exec(),
      this.reviews.find({ applied: false }).limit(BATCH).lean<ReviewRecord[]>().exec(),
    ]);
    const report = { requests: 0, reviews: 0 };
    for (const request of received.filter((r) => r.createdAt.getTime() <= before)) {
      if (await this.leased(`request:${request._id.toHexString()}`, () => this.settle(request)))
        report.requests++;
    }
    for (const review of unapplied.filter((r) => r.at.getTime() <= before)) {
      if (await this.leased(`review:${review._id.toHexString()}`, () => this.apply(review))) report.reviews++;
    }
    if (report.requests || report.reviews) this.logger.info(report, 'recovered unfinished work');
    return report;
  }

  private async settle(request: RewardRequestRecord): Promise<void> {
    const [eventReward, held, paid] = await Promise.all([
      this.eventRewards.findById(request.eventRewardId),
      this.grants.holdings(request._id),
      this.payouts.isPaid(request._id),
    ]);
    try {
      const settled = await this.settlement.settle(request, eventReward, held, paid);
      this.logger.info({ requestId: request._id, status: settled.status }, 'request recovered');
    } catch (error) {
      // The user already held their limit: the attempt was undone, as it would have been live.
      if (!(error instanceof AppError)) throw error;
      this.logger.info({ requestId: request._id, reason: error.message }, 'request undone by recovery');
    }
    if (eventReward) await this.grants.reconcile(eventReward, request.userId);
  }

  private async apply(review: ReviewRecord): Promise<void> {
    const request = await this.requests.findById(review.requestId).lean<RewardRequestRecord>().exec();
    if (!request) {
      await this.reviews.updateOne({ _id: review._id }, { $set: { applied: true } }).exec();
      return;
    }
    const applied = await this.reviewing.apply(review, request);
    const eventReward = await this.eventRewards.findById(request.eventRewardId);
    if (eventReward) await this.grants.reconcile(eventReward, request.userId);
    this.logger.info({ requestId: request._id, status: applied.status }, 'review recovered');
  }

  /** Runs `work` under the item's lease; false when another instance holds it or the work failed. */
  private async leased(name: string, work: () => Promise<void>): Promise<boolean> {
    try {
      const outcome = await underLease(this.redis, `rg:recovery:${name}`, { ttlMs: LEASE_MS }, work);
      return outcome.held;
    } catch (error) {
      this.logger.error({ err: error, item: name }, 'recovery of one item failed; the next pass retries it');
      return false;
    }
  }
}
