import { type ReturnModelType } from '@typegoose/typegoose';
import { type Model } from 'mongoose';
import { daysOf, timeline, dayRange, type DayCount, type Range } from '@rewardgraph/service-kit';
import { type MetricFigures } from '../figures/metric-figures';
import { type RequestFigures } from '../figures/request-figures';
import { EventStatus } from '../events/event-status';
import { type ActivityRecord, type LoginDayRecord } from '../metrics/metric.model';
import { RequestStatus } from '../requests/request-status';
import { type RewardRequestRecord } from '../requests/request.model';
import { RewardType } from '../rewards/reward-type';
import { type RewardRecord } from '../rewards/reward.model';
import { type EventAnalytics, type RewardAnalytics } from './analytics.types';
import { type EventCatalogCopy } from './event-catalog';

/** Rewards per event are listed for the newest events of the range. */
const NEWEST_EVENTS = 100;

export interface AnalyticsModels {
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

/** Figures kept in Redis as data is written (figures/). */
export interface AnalyticsFigures {
  requests: RequestFigures;
  metrics: MetricFigures;
}

/**
 * Every figure reads the date bucket written with the data (`day`). Requests, logins and
 * activities, the collections that grow with play, are not read at all: their counts and
 * distinct users come from the figures kept in Redis as they are written (FerretDB reads
 * every document of a range, a few thousand a second), and from the database only while
 * those are being built. Events and their rewards come from a copy of the catalog kept
 * per response version; the reward catalog is grouped in the database.
 * The database and the figures hold only the days and keys with data; the zeros are
 * filled in here.
 */
export class AnalyticsService {
  constructor(
    private readonly m: AnalyticsModels,
    private readonly figures: AnalyticsFigures,
    private readonly catalog: EventCatalogCopy,
  ) {}

  async events(range: Range): Promise<EventAnalytics> {
    const day = dayRange(range);
    const { events, rewardsPerEvent } = await this.catalog.read();
    const inRange = events.filter((e) => e.day >= day.$gte && e.day <= day.$lte);
    const statuses = new Map<string, number>();
    const perDay = new Map<string, number>();
    for (const event of inRange) {
      statuses.set(event.status, (statuses.get(event.status) ?? 0) + 1);
      perDay.set(event.day, (perDay.get(event.day) ?? 0) + 1);
    }
    const newest = inRange
      .sort((a, b) => b._id.toHexString().localeCompare(a._id.toHexString()))
      .slice(0, NEWEST_EVENTS);
    return {
      range,
      statusDistribution: everyValue(EventStatus, statuses).map(([status, count]) => ({ status, count })),
      rewardsPerEvent: newest.map((e) => ({
        eventId: e._id.toHexString(),
        name: e.name,
        rewards: rewardsPerEvent.get(e._id.toHexString()) ?? 0,
      })),
      timeline: timeline(range, perDay),
    };
  }

  async rewards(range: Range): Promise<RewardAnalytics> {
    const [types, [statuses, days]] = await Promise.all([
      countBy(this.m.rewards, { createdAt: { $gte: range.from, $lt: range.to } }, '$type'),
      this.requestCounts(range),
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

  async users(range: Range): Promise<UserFigures> {
    const days = daysOf(range);
    const day = dayRange(range);
    const { requests, metrics } = this.figures;
    const [participants, activeUsers, activityDays] = await Promise.all([
      requests.participants
        .distinct(days)
        .then(async (n) => n ?? (await countBy(this.m.requests, { day }, '$userId')).size),
      metrics.active.distinct(days).then(async (n) => {
        if (n !== null) return n;
        const [loggedIn, acted] = await Promise.all([
          countBy(this.m.loginDays, { day }, '$userId'),
          countBy(this.m.activities, { day }, '$userId'),
        ]);
        return new Set([...loggedIn.keys(), ...acted.keys()]).size;
      }),
      metrics.activities.sizes(days).then((sizes) => sizes ?? countBy(this.m.activities, { day }, '$day')),
    ]);
    return { participants, activeUsers, activityTimeline: timeline(range, activityDays) };
  }

  /** Requests per status and per day of the range. */
  private async requestCounts(range: Range): Promise<[Map<string, number>, Map<string, number>]> {
    const counts = await this.figures.requests.tally.read();
    if (!counts) {
      const day = dayRange(range);
      return Promise.all([
        countBy(this.m.requests, { day }, '$status'),
        countBy(this.m.requests, { day }, '$day'),
      ]);
    }
    const statuses = new Map<string, number>();
    const perDay = new Map<string, number>();
    for (const day of daysOf(range)) {
      for (const [status, count] of counts.days.get(day) ?? []) {
        statuses.set(status, (statuses.get(status) ?? 0) + count);
        perDay.set(day, (perDay.get(day) ?? 0) + count);
      }
    }
    return [statuses, perDay];
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
