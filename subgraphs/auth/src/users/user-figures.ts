import { type ReturnModelType } from '@typegoose/typegoose';
import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import {
  batchesOf,
  Tally,
  type CacheHealth,
  type FigureSource,
  type TallyItem,
} from '@rewardgraph/service-kit';
import { type UserRecord } from './user.model';

export const SIGNED_UP = 'SIGNED_UP';
/** A sign-up whose insert never happened (a taken email). */
const NEVER = 'NEVER';

/** How long a sign-up may take between its intent and its record before the upkeep records it from the database. */
const GRACE_MS = 60_000;
const STALE_PER_PASS = 500;

/** Users by sign-up day, kept in Redis as they sign up: totals and sign-ups per day without counting users. */
export function createUserTally(
  redis: Redis,
  database: string,
  reading: { health: CacheHealth; logger: Logger },
): Tally {
  return new Tally(redis, {
    key: `rg:tally:{${database}:users}`,
    ranks: { [SIGNED_UP]: 1, [NEVER]: 2 },
    uncounted: [NEVER],
    ...reading,
  });
}

export const signUpOf = (user: Pick<UserRecord, '_id' | 'signUpDay'>): TallyItem => ({
  id: user._id.toHexString(),
  day: user.signUpDay,
  state: SIGNED_UP,
});

type Counted = Pick<UserRecord, '_id' | 'signUpDay'>;

export function userFigureSource(users: ReturnModelType<typeof UserRecord>, tally: Tally): FigureSource {
  return {
    name: 'users',
    async build(signal) {
      if (await tally.isBuilt()) return null;
      let read = 0;
      const every = users.find({}, { signUpDay: 1 }).lean();
      for await (const batch of batchesOf<Counted>(every, signal)) {
        await tally.record(batch.map(signUpOf));
        read += batch.length;
      }
      // Stopped part-way: not built, the next start reads again.
      if (signal.aborted) return read;
      await tally.markBuilt();
      return read;
    },
    repair: () =>
      tally.recordStale(
        GRACE_MS,
        STALE_PER_PASS,
        async (id) => {
          const user = await users.findById(id, { signUpDay: 1 }).lean<Counted>().exec();
          return user && signUpOf(user);
        },
        NEVER,
      ),
  };
}
