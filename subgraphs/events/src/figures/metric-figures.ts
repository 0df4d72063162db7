import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { batchesOf, DaySets, type CacheHealth, type FigureSource } from '@rewardgraph/service-kit';
import { type ActivityRecord, type LoginDayRecord } from '../metrics/metric.model';

/**
 * What the service keeps in Redis about logins and activities as it records them: who
 * was active on each day (logged in or recorded an activity) and the activity keys
 * recorded on each day (analytics' active users and activity timeline).
 */
export interface MetricFigures {
  active: DaySets;
  activities: DaySets;
}

export function createMetricFigures(redis: Redis, database: string, health: CacheHealth): MetricFigures {
  return {
    active: new DaySets(redis, { key: `rg:tally:{${database}:active}`, health }),
    activities: new DaySets(redis, { key: `rg:tally:{${database}:activities}`, health }),
  };
}

type LoginDay = Pick<LoginDayRecord, 'userId' | 'day'>;
type Activity = Pick<ActivityRecord, 'key' | 'userId' | 'day'>;

/** Both built from the login days and the activities. */
export function metricFigureSource(
  loginDays: ReturnModelType<typeof LoginDayRecord>,
  activityRecords: ReturnModelType<typeof ActivityRecord>,
  { active, activities }: MetricFigures,
): FigureSource {
  return {
    name: 'metrics',
    async build(signal) {
      const [activeMissing, activitiesMissing] = await Promise.all([
        active.isBuilt().then((built) => !built),
        activities.isBuilt().then((built) => !built),
      ]);
      if (!activeMissing && !activitiesMissing) return null;
      let read = 0;
      if (activeMissing) {
        const logins = loginDays.find({}, { userId: 1, day: 1 }).lean();
        for await (const batch of batchesOf<LoginDay>(logins, signal)) {
          await active.addMany(batch.map((login) => ({ day: login.day, member: login.userId })));
          read += batch.length;
        }
      }
      const recorded = activityRecords.find({}, { key: 1, userId: 1, day: 1 }).lean();
      for await (const batch of batchesOf<Activity>(recorded, signal)) {
        await Promise.all([
          activeMissing && active.addMany(batch.map((a) => ({ day: a.day, member: a.userId }))),
          activitiesMissing && activities.addMany(batch.map((a) => ({ day: a.day, member: a.key }))),
        ]);
        read += batch.length;
      }
      // Stopped part-way: not built, the next start reads again.
      if (signal.aborted) return read;
      await Promise.all([activeMissing && active.markBuilt(), activitiesMissing && activities.markBuilt()]);
      return read;
    },
  };
}
