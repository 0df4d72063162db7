import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SignUpDocument, UsersDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, uniqueEmail, type Session } from '../support/fixtures';
import { gql, gqlOk } from '../support/graphql';
import { eventually } from '../support/sessions';

/**
 * The user tally (sign-ups per day, kept in Redis) against the users it counts: the user
 * list's total and the user-base analytics. The e2e suite runs one file at a time, so no
 * other test signs anyone up while the figures are compared.
 */
const DAY_MS = 86_400_000;
const USER_ANALYTICS = `query UserBase($range: DateRangeInput!) {
  userAnalytics(range: $range) { newUsers totalUsers newUsersTimeline { day count } }
}`;

let admin: Session;
let redis: Redis;
const database = () => new URL(stack().userDbUrl).pathname.slice(1);
const tallyKeys = () => redis.keys(`rg:tally:{${database()}:users}:*`);

beforeAll(async () => {
  admin = await adminSession();
  redis = new Redis(stack().secureRedisUrl);
});
afterAll(() => redis.quit());

/** What the platform answers, for a range of the last 10 days ending an hour from now. */
async function answered() {
  const range = {
    from: new Date(Date.now() - 10 * DAY_MS).toISOString(),
    to: new Date(Date.now() + 3_600_000).toISOString(),
  };
  const [{ users }, { userAnalytics }] = await Promise.all([
    gqlOk(UsersDocument, { first: 1 }, { token: admin.token }),
    gqlOk<{
      userAnalytics: {
        newUsers: number;
        totalUsers: number;
        newUsersTimeline: { day: string; count: number }[];
      };
    }>(USER_ANALYTICS, { range }, { token: admin.token }),
  ]);
  return {
    listed: users.totalCount,
    totalUsers: userAnalytics.totalUsers,
    newUsers: userAnalytics.newUsers,
    today: userAnalytics.newUsersTimeline.at(-1)!.count,
  };
}

/** The same, counted in user-db. */
const counted = () =>
  withDb(stack().userDbUrl, async (db) => {
    const users = db.collection('users');
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 10 * DAY_MS).toISOString().slice(0, 10);
    const all = await users.countDocuments({});
    return {
      listed: all,
      totalUsers: all,
      newUsers: await users.countDocuments({ signUpDay: { $gte: from } }),
      today: await users.countDocuments({ signUpDay: today }),
    };
  });

describe('the user tally', () => {
  jest.setTimeout(60_000);

  it('when people sign up at once, some with the same email, then the user list’s total and the user-base analytics equal user-db’s counts', async () => {
    const before = await counted();
    const taken = uniqueEmail('twice');
    const password = `pw-${randomUUID()}`;
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () =>
        gql(SignUpDocument, { input: { email: uniqueEmail('tallied'), password } }),
      ),
      ...Array.from({ length: 3 }, () => gql(SignUpDocument, { input: { email: taken, password } })),
    ]);
    expect(answers.filter((a) => !a.errors).length).toBe(7);

    const expected = await counted();
    expect(expected.listed).toBe(before.listed + 7);
    expect(await answered()).toEqual(expected);
  });

  it('when the tally is lost, then the figures are counted in user-db meanwhile and the upkeep builds the tally again', async () => {
    const expected = await counted();
    await redis.del(...(await tallyKeys()));
    expect(await answered()).toEqual(expected);
    const built = `rg:tally:{${database()}:users}:built`;
    expect(await eventually(async () => (await redis.exists(built)) === 1, 20_000)).toBe(true);
    expect(await answered()).toEqual(expected);
  });
});
