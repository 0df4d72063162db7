import { type ReturnModelType } from '@typegoose/typegoose';
import { type Model } from 'mongoose';
import { dayRange, type DayCount } from '@rewardgraph/service-kit';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type EventRecord } from '../events/event.model';
import { type ActivityRecord, type LoginDayRecord } from '../metrics/metric.model';
import { type RewardRequestRecord } from '../requests/request.model';
import { type RewardRecord } from '../rewards/reward.model';
import {
  type DateRangeInput,
  type EventAnalytics,
  type KeyCount,
  type RewardAnalytics,
} from './analytics.types';

export interface AnalyticsModels {
  events: ReturnModelType<typeof EventRecord>;
  eventRewards: ReturnModelType<typeof EventRewardRecord>;
  rewards: ReturnModelType<typeof RewardRecord>;
  requests: ReturnModelType<typeof RewardRequestRecord>;
  loginDays: ReturnModelType<typeof LoginDayRecord>;
  activities: ReturnModelType<typeof ActivityRecord>;
}

/**
 * Every figure reads date-bucket fields written when the data was written (`day`),
 * through an index, grouped in the database: no scan of data outside the range.
 */
export class AnalyticsService {
  constructor(private readonly m: AnalyticsModels) {}

  async events(range: DateRangeInput): Promise<EventAnalytics> {
    const day = dayRange(range);
    const [statusDistribution, timeline, inRange] = await Promise.all([
      countBy(this.m.events, { day }, '$status'),
      perDay(this.m.events, { day }),
      this.m.events
        .find({ day })
        .sort({ _id: -1 })
        .limit(100)
        .select({ name: 1 })
        .lean<EventRecord[]>()
        .exec(),
    ]);
    const counts = await countBy(
      this.m.eventRewards,
      { eventId: { $in: inRange.map((e) => e._id) } },
      '$eventId',
    );
    const byEvent = new Map(counts.map((c) => [c.key, c.count]));
    const rewardsPerEvent = inRange.map((e) => ({
      eventId: e._id.toHexString(),
      name: e.name,
      rewards: byEvent.get(e._id.toHexString()) ?? 0,
    }));
    return { statusDistribution, rewardsPerEvent, timeline };
  }

  async rewards(range: DateRangeInput): Promise<RewardAnalytics> {
    const day = dayRange(range);
    const [typeDistribution, requestStatusDistribution, requestTimeline] = await Promise.all([
      countBy(this.m.rewards, { createdAt: { $gte: range.from, $lt: range.to } }, '$type'),
      countBy(this.m.requests, { day }, '$status'),
      perDay(this.m.requests, { day }),
    ]);
    return { typeDistribution, requestStatusDistribution, requestTimeline };
  }

  async users(
    range: DateRangeInput,
  ): Promise<{ participants: number; activeUsers: number; activityTimeline: DayCount[] }> {
    const day = dayRange(range);
    const [participants, loggedIn, acted, activityTimeline] = await Promise.all([
      countBy(this.m.requests, { day }, '$userId'),
      countBy(this.m.loginDays, { day }, '$userId'),
      countBy(this.m.activities, { day }, '$userId'),
      perDay(this.m.activities, { day }),
    ]);
    const active = new Set([...loggedIn, ...acted].map((c) => c.key));
    return { participants: participants.length, activeUsers: active.size, activityTimeline };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

async function countBy(model: AnyModel, match: object, field: string): Promise<KeyCount[]> {
  const rows = await model
    .aggregate<{ _id: unknown; count: number }>([
      { $match: match },
      { $group: { _id: field, count: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ])
    .exec();
  return rows.map((r) => ({ key: String(r._id), count: r.count }));
}

async function perDay(model: AnyModel, match: object): Promise<DayCount[]> {
  return (await countBy(model, match, '$day')).map(({ key, count }) => ({ day: key, count }));
}
