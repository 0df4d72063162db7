import { type ReturnModelType } from '@typegoose/typegoose';
import { conflict, dayOf, isDuplicateKey } from '@rewardgraph/service-kit';
import { type MetricFigures } from '../figures/metric-figures';
import { type ActivityRecord, type LoginDayRecord } from './metric.model';
import { type RecordActivityInput } from './activity.input';

export interface Period {
  periodStart: Date;
  periodEnd: Date;
}

/** The metrics conditions read: loginDays and activity:<name>, within an event's period. */
export class MetricService {
  constructor(
    private readonly loginDays: ReturnModelType<typeof LoginDayRecord>,
    private readonly activities: ReturnModelType<typeof ActivityRecord>,
    private readonly figures: MetricFigures,
  ) {}

  async recordLogin(userId: string, at: Date): Promise<void> {
    const day = dayOf(at);
    await this.figures.active.add(day, userId);
    try {
      await this.loginDays.create({ userId, day });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Once per key; the same key with a different activity is a CONFLICT. */
  async recordActivity(input: RecordActivityInput): Promise<boolean> {
    const occurredAt = input.occurredAt ?? new Date();
    const activity = {
      key: input.key,
      userId: input.userId,
      name: input.name,
      amount: input.amount,
      occurredAt,
    };
    const day = dayOf(occurredAt);
    await this.figures.active.add(day, activity.userId);
    try {
      await this.activities.create({ ...activity, day });
      // Only once written: a key sent again with another time must not count on a second day.
      await this.figures.activities.add(day, activity.key);
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.activities.findOne({ key: input.key }).lean<ActivityRecord>().exec();
      const same =
        existing?.userId === activity.userId &&
        existing.name === activity.name &&
        existing.amount === activity.amount;
      if (!same) throw conflict('This key was already used for a different activity');
      return true;
    }
  }

  async valuesFor(
    userId: string,
    metrics: string[],
    { periodStart, periodEnd }: Period,
  ): Promise<Record<string, number>> {
    const entries = await Promise.all(
      metrics.map(async (metric): Promise<[string, number]> => {
        if (metric === 'loginDays') {
          const count = await this.loginDays
            .countDocuments({ userId, day: { $gte: dayOf(periodStart), $lte: dayOf(periodEnd) } })
            .exec();
          return [metric, count];
        }
        const name = metric.slice('activity:'.length);
        const [sum] = await this.activities
          .aggregate<{ total: number }>([
            { $match: { userId, name, occurredAt: { $gte: periodStart, $lt: periodEnd } } },
            { $group: { _id: null, total: { $sum: '$amount' } } },
          ])
          .exec();
        return [metric, sum?.total ?? 0];
      }),
    );
    return Object.fromEntries(entries);
  }
}
