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
import { type RequestLists } from '../requests/request-lists';
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

/** A request as the tally counts it: in its own status, or in `state` (GONE, or the status being written). */
export const tallyItemOf = (
  request: Pick<RewardRequestRecord, '_id' | 'day' | 'status'>,
  state: string = request.status,
): TallyItem => ({
  id: request._id.toHexString(),
  day: request.day,
  state,
});

type Tallied = Pick<RewardRequestRecord, '_id' | 'status' | 'day' | 'userId'>;

/**
 * Both figures built in one read of every request; stale intents recorded from what the
 * database holds now, and the cached lists that may show those requests forgotten (their
 * writer stopped before it could).
 */
export function requestFigureSource(
  requests: ReturnModelType<typeof RewardRequestRecord>,
  { tally, participants }: RequestFigures,
  lists: RequestLists,
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
          tallyMissing && tally.record(batch.map((request) => tallyItemOf(request))),
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
    async repair() {
      const owners = new Set<string>();
      const recorded = await tally.recordStale(
        graceMs,
        STALE_PER_PASS,
        async (id) => {
          const request = await requests
            .findById(id, { status: 1, day: 1, userId: 1 })
            .lean<Tallied>()
            .exec();
          if (!request) return null;
          owners.add(request.userId);
          return tallyItemOf(request);
        },
        GONE,
      );
      if (recorded > 0) await lists.changed(...owners);
      return recorded;
    },
  };
}
