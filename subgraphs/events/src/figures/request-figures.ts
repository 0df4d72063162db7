import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import {
  batchesOf,
  DaySets,
  Tally,
  type CacheHealth,
  type FigureSource,
  type TallyItem,
} from '@rewardgraph/service-kit';
import { type Logger } from 'pino';
import { RequestStatus } from '../requests/request-status';
import { type RewardRequestRecord } from '../requests/request.model';

/** A request that was deleted (its attempt undone) or never written. */
export const GONE = 'GONE';

/** A request only moves forward: RECEIVED, then PENDING, then a final status; or it is undone. */
const RANKS = {
  [RequestStatus.RECEIVED]: 1,
  [RequestStatus.PENDING]: 2,
  [RequestStatus.APPROVED]: 3,
  [RequestStatus.REJECTED]: 3,
  [GONE]: 4,
};

const STALE_PER_PASS = 500;

/**
 * What the service keeps in Redis about requests as it writes them: the tally of
 * requests by status and day (lists' totals, the review queue's buckets, analytics) and
 * who asked on each day (analytics' participants).
 */
export interface RequestFigures {
  tally: Tally;
  participants: DaySets;
}

export function createRequestFigures(
  redis: Redis,
  database: string,
  { health, logger }: { health: CacheHealth; logger: Logger },
): RequestFigures {
  return {
    tally: new Tally(redis, {
      key: `rg:tally:{${database}:requests}`,
      ranks: RANKS,
      uncounted: [GONE],
      health,
      logger,
    }),
    participants: new DaySets(redis, { key: `rg:tally:{${database}:participants}`, health }),
  };
}

export const tallyItemOf = (request: Pick<RewardRequestRecord, '_id' | 'day' | 'status'>): TallyItem => ({
  id: request._id.toHexString(),
  day: request.day,
  state: request.status,
});

type Tallied = Pick<RewardRequestRecord, '_id' | 'status' | 'day' | 'userId'>;

/** Both figures built in one read of every request; stale intents recorded from what the database holds now. */
export function requestFigureSource(
  requests: ReturnModelType<typeof RewardRequestRecord>,
  { tally, participants }: RequestFigures,
  graceMs: number,
): FigureSource {
  return {
    name: 'requests',
    async build(signal) {
      const [tallyMissing, participantsMissing] = await Promise.all([
        tally.isBuilt().then((built) => !built),
        participants.isBuilt().then((built) => !built),
      ]);
      if (!tallyMissing && !participantsMissing) return null;
      const every = requests.find({}, { status: 1, day: 1, userId: 1 }).lean();
      let read = 0;
      for await (const batch of batchesOf<Tallied>(every, signal)) {
        await Promise.all([
          tallyMissing && tally.record(batch.map(tallyItemOf)),
          participantsMissing && participants.addMany(batch.map((r) => ({ day: r.day, member: r.userId }))),
        ]);
        read += batch.length;
      }
      // Stopped part-way: not built, the next start reads again.
      if (signal.aborted) return read;
      await Promise.all([tallyMissing && tally.markBuilt(), participantsMissing && participants.markBuilt()]);
      return read;
    },
    /** Gone when the database holds nothing: undoes a counted request, ignored for one never counted. */
    repair: () =>
      tally.recordStale(
        graceMs,
        STALE_PER_PASS,
        async (id) => {
          const request = await requests
            .findById(id, { status: 1, day: 1 })
            .lean<Pick<RewardRequestRecord, '_id' | 'status' | 'day'>>()
            .exec();
          return request && tallyItemOf(request);
        },
        GONE,
      ),
  };
}
