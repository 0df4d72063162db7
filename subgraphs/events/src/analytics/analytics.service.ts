import { type ReturnModelType } from '@typegoose/typegoose';
import { type Model } from 'mongoose';
import { dayRange, daysOf, timeline, type DayCount, type Range, type Tally } from '@rewardgraph/service-kit';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type EventRecord } from '../events/event.model';
import { EventStatus } from '../events/event-status';
import { type ActivityRecord, type LoginDayRecord } from '../metrics/metric.model';
import { RequestStatus } from '../requests/request-status';
import { type RewardRequestRecord } from '../requests/request.model';
import { RewardType } from '../rewards/reward-type';
import { type RewardRecord } from '../rewards/reward.model';
import { type EventAnalytics, type RewardAnalytics } from './analytics.types';

export interface AnalyticsModels {
  events: ReturnModelType<typeof EventRecord>;
  eventRewards: ReturnModelType<typeof EventRewardRecord>;
  rewards: ReturnModelType<typeof RewardRecord>;
  requests: ReturnModelType<typeof RewardRequestRecord>;
  loginDays: ReturnModelType<typeof LoginDayRecord>;
  activities: ReturnModelType<typeof ActivityRecord>;
}

export interface UserFigures {
  participants: number;
  activeUsers: number;
  activityTimeline: DayCount[];
}

/**
 * Every figure reads date-bucket fields written when the data was written (`day`),
 * through an index, grouped in the database: no scan of data outside the range. The
 * database answers only the days and keys that hold data; the zeros are filled in here.
 */
export class AnalyticsService {
  constructor(
    private readonly m: AnalyticsModels,
    private readonly requestTally: Tally,
  ) {}

  async events(range: Range): Promise<EventAnalytics> {
    const day = dayRange(range);
    const [statuses, days, inRange] = await Promise.all([
      countBy(this.m.events, { day }, '$status'),
      countBy(this.m.events, { day }, '$day'),
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
    const rewardsPerEvent = inRange.map((e) => ({
      eventId: e._id.toHexString(),
      name: e.name,
      rewards: counts.get(e._id.toHexString()) ?? 0,
    }));
    return {
      range,
      statusDistribution: everyValue(EventStatus, statuses).map(([status, count]) => ({ status, count })),
      rewardsPerEvent,
      timeline: timeline(range, days),
    };
  }

  async rewards(range: Range): Promise<RewardAnalytics> {
    const [types, [statuses, days]] = await Promise.all([
      countBy(this.m.rewards, { createdAt: { $gte: range.from, $lt: range.to } }, '$type'),
      this.requestFigures(range),
    ]);
    return {
      range,
      typeDistribution: everyValue(RewardType, types).map(([type, count]) => ({ type, count })),
      requestStatusDistribution: everyValue(RequestStatus, statuses).map(([status, count]) => ({
        status,
        count,
      })),
      requestTimeline: timeline(range, days),
    };
  }

  /**
   * Requests per status and per day of the range: from the tally, which reads no request,
   * or grouped in the database while the tally is not there (its range of days is
   * neither an equality nor anything FerretDB sends to an index).
   */
  private async requestFigures(range: Range): Promise<[Map<string, number>, Map<string, number>]> {
    const counts = await this.requestTally.read();
    if (!counts) {
      const day = dayRange(range);
      return Promise.all([
        countBy(this.m.requests, { day }, '$status'),
        countBy(this.m.requests, { day }, '$day'),
      ]);
    }
    const statuses = new Map<string, number>();
    const days = new Map<string, number>();
    for (const day of daysOf(range)) {
      for (const [status, count] of counts.days.get(day) ?? []) {
        statuses.set(status, (statuses.get(status) ?? 0) + count);
        days.set(day, (days.get(day) ?? 0) + count);
      }
    }
    return [statuses, days];
  }

  async users(range: Range): Promise<UserFigures> {
    const day = dayRange(range);
    const [participants, loggedIn, acted, days] = await Promise.all([
      countBy(this.m.requests, { day }, '$userId'),
      countBy(this.m.loginDays, { day }, '$userId'),
      countBy(this.m.activities, { day }, '$userId'),
      countBy(this.m.activities, { day }, '$day'),
    ]);
    const active = new Set([...loggedIn.keys(), ...acted.keys()]);
    return {
      participants: participants.size,
      activeUsers: active.size,
      activityTimeline: timeline(range, days),
    };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

/** Documents per value of a field, grouped in the database (only values that occur). */
async function countBy(model: AnyModel, match: object, field: string): Promise<Map<string, number>> {
  const rows = await model
    .aggregate<{ _id: unknown; count: number }>([
      { $match: match },
      { $group: { _id: field, count: { $sum: 1 } } },
    ])
    .exec();
  return new Map(rows.map((r) => [String(r._id), r.count]));
}

/** One entry per value of a fixed set, in the enum's order, zero where none. */
function everyValue<T extends string>(values: Record<string, T>, counts: Map<string, number>): [T, number][] {
  return Object.values(values).map((value) => [value, counts.get(value) ?? 0]);
}
