import { counterOn, type Counter, type Registry } from '@rewardgraph/service-kit';
import { RequestStatus } from '../requests/request-status';
import { OUT_OF_STOCK } from '../requests/request-settlement';
import { RewardType } from '../rewards/reward-type';

/** Where a request's status was decided: when it was requested, or by a review. */
export type DecisionStage = 'request' | 'review';

/**
 * The reward funnel's counters: each decision on a request (its status, and whether the
 * stock was gone), each payout by reward type. Every known label value starts at 0, so a
 * rate over them exists before the first request of its kind.
 */
export class RewardOutcomes {
  private readonly decided: Counter<'status' | 'stage'>;
  private readonly stockExhausted: Counter;
  private readonly payouts: Counter<'type'>;

  constructor(registry: Registry) {
    this.decided = counterOn(registry, {
      name: 'reward_requests_decided_total',
      help: 'Reward requests decided, by status (PENDING: waiting for a review) and stage (request, review)',
      labelNames: ['status', 'stage'],
    });
    this.stockExhausted = counterOn(registry, {
      name: 'reward_stock_exhausted_total',
      help: 'Reward requests refused because the reward had no stock left',
    });
    this.payouts = counterOn(registry, {
      name: 'reward_payouts_total',
      help: 'Payouts into wallets, by reward type (one per approved request)',
      labelNames: ['type'],
    });
    for (const status of [RequestStatus.PENDING, RequestStatus.APPROVED, RequestStatus.REJECTED]) {
      this.decided.inc({ status, stage: 'request' }, 0);
    }
    for (const status of [RequestStatus.APPROVED, RequestStatus.REJECTED]) {
      this.decided.inc({ status, stage: 'review' }, 0);
    }
    for (const type of Object.values(RewardType)) this.payouts.inc({ type }, 0);
  }

  /** Counts the decision the request carries, and hands the request back. */
  decision<T extends { status: RequestStatus; reason: string | null }>(request: T, stage: DecisionStage): T {
    this.decided.inc({ status: request.status, stage });
    if (request.reason === OUT_OF_STOCK) this.stockExhausted.inc();
    return request;
  }

  paid(type: RewardType): void {
    this.payouts.inc({ type });
  }
}
