import { type ReturnModelType } from '@typegoose/typegoose';
import { Types } from 'mongoose';
import { scrapeGauge, type Registry } from '@rewardgraph/service-kit';
import { type Logger } from 'pino';
import { RequestStatus } from '../requests/request-status';
import { type RewardRequestRecord } from '../requests/request.model';

/** Counted up to this many: past it the gauge says "at least", and the scrape stays cheap. */
export const BACKLOG_COUNT_LIMIT = 1000;

/**
 * `reward_requests_awaiting_recovery`: RECEIVED requests older than the recovery grace,
 * i.e. requests whose decision was cut short (a crash) and that the recovery worker has
 * not finished yet. Read at scrape time through the `status_newest` index (status, then
 * `_id`, whose first bytes are the creation second), at most BACKLOG_COUNT_LIMIT ids.
 */
export function recoveryBacklogGauge(
  requests: ReturnModelType<typeof RewardRequestRecord>,
  graceMs: number,
  logger: Logger,
  registry: Registry,
): void {
  scrapeGauge({
    name: 'reward_requests_awaiting_recovery',
    help: `RECEIVED reward requests older than the recovery grace (counted up to ${BACKLOG_COUNT_LIMIT})`,
    timeoutMs: 1000,
    logger,
    registry,
    async read() {
      const before = Types.ObjectId.createFromTime(Math.floor((Date.now() - graceMs) / 1000));
      const stuck = await requests
        .find({ status: RequestStatus.RECEIVED, _id: { $lt: before } }, { _id: 1 })
        .limit(BACKLOG_COUNT_LIMIT)
        .lean()
        .exec();
      return [{ labels: {}, value: stuck.length }];
    },
  });
}
