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
import { type EventAnalytics, type RewardAnalytics } from './analytics.types';
import { type CatalogCopy } from './catalog-copy';

/** Rewards per event are listed for the newest events of the range. */
const NEWEST_EVENTS = 100;

export interface AnalyticsModels {
  requests: ReturnModelType<typeof RewardRequestRecord>;
  loginDays: ReturnModelType<typeof LoginDayRecord>;
  activities: ReturnModelType<typeof ActivityRecord>;
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
 * those are being built. Events, their rewards and the reward catalog come from a copy
 * of the catalog kept per response version.
 * The database and the figures hold only the days and keys with data; the zeros are
 * filled in here.
 */
export class AnalyticsService {
  constructor(
    private readonly m: AnalyticsModels,
    private readonly figures: AnalyticsFigures,
    private readonly catalog: CatalogCopy,
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
    const [{ rewards }, [statuses, days]] = await Promise.all([
      this.catalog.read(),
      this.requestCounts(range),
    ]);
    const types = new Map<string, number>();
    for (const { type, createdAt } of rewards) {
      if (createdAt >= range.from && createdAt < range.to) types.set(type, (types.get(type) ?? 0) + 1);
    }
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

  /** Distinct users who requested a reward in the range. */
  async participants(range: Range): Promise<number> {
    return (
      (await this.figures.requests.participants.distinct(daysOf(range))) ??
      (await countBy(this.m.requests, { day: dayRange(range) }, '$userId')).size
    );
  }

  /** Distinct users who logged in or recorded an activity in the range. */
  async activeUsers(range: Range): Promise<number> {
    const counted = await this.figures.metrics.active.distinct(daysOf(range));
    if (counted !== null) return counted;
    const day = dayRange(range);
    const [loggedIn, acted] = await Promise.all([
      countBy(this.m.loginDays, { day }, '$userId'),
      countBy(this.m.activities, { day }, '$userId'),
    ]);
    return new Set([...loggedIn.keys(), ...acted.keys()]).size;
  }

  /** Activities recorded per day of the range. */
  async activityTimeline(range: Range): Promise<DayCount[]> {
    const days =
      (await this.figures.metrics.activities.sizes(daysOf(range))) ??
      (await countBy(this.m.activities, { day: dayRange(range) }, '$day'));
    return timeline(range, days);
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
