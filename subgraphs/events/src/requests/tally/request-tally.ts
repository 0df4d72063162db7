import { type Redis } from 'ioredis';
import { Tally, type TallyItem, type TallyOptions } from '@rewardgraph/service-kit';
import { RequestStatus } from '../request-status';
import { type RewardRequestRecord } from '../request.model';

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

/** The reward requests' counts by status and day; keys belong to the database they count. */
export function createRequestTally(
  redis: Redis,
  database: string,
  reading: Pick<TallyOptions, 'health' | 'logger'>,
): Tally {
  return new Tally(redis, {
    key: `rg:tally:{${database}:requests}`,
    ranks: RANKS,
    uncounted: [GONE],
    ...reading,
  });
}

export const tallyItemOf = (request: Pick<RewardRequestRecord, '_id' | 'day' | 'status'>): TallyItem => ({
  id: request._id.toHexString(),
  day: request.day,
  state: request.status,
});
