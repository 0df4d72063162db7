import { randomUUID } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { CreateRewardDocument, DeleteRewardDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { adminSession, newUser, type Session } from '../support/fixtures';
import { errorCodes, gql, gqlOk } from '../support/graphql';
import { offer, recordActivity, requestReward } from '../support/catalog';

const DAY = 86_400_000;

const ANALYTICS = `query ($range: DateRangeInput!) {
  eventAnalytics(range: $range) {
    range { from to }
    statusDistribution { status count }
    rewardsPerEvent { eventId rewards }
    timeline { day count }
  }
  rewardAnalytics(range: $range) {
    range { from to }
    typeDistribution { type count }
    requestStatusDistribution { status count }
    requestTimeline { day count }
  }
  userAnalytics(range: $range) {
    range { from to }
    participants activeUsers newUsers totalUsers participationRate
    activityTimeline { day count }
    newUsersTimeline { day count }
  }
}`;

interface DayCount {
  day: string;
  count: number;
}
interface Range {
  from: string;
  to: string;
}
interface Analytics {
  eventAnalytics: {
    range: Range;
    statusDistribution: { status: string; count: number }[];
    rewardsPerEvent: { eventId: string; rewards: number }[];
    timeline: DayCount[];
  };
  rewardAnalytics: {
    range: Range;
    typeDistribution: { type: string; count: number }[];
    requestStatusDistribution: { status: string; count: number }[];
    requestTimeline: DayCount[];
  };
  userAnalytics: {
    range: Range;
    participants: number;
    activeUsers: number;
    newUsers: number;
    totalUsers: number;
    participationRate: number;
    activityTimeline: DayCount[];
    newUsersTimeline: DayCount[];
  };
}

const midnight = (at: number) => Math.floor(at / DAY) * DAY;
const iso = (at: number) => new Date(at).toISOString();
const dayOf = (at: number) => iso(at).slice(0, 10);
const timelinesOf = (data: Analytics) => ({
  events: data.eventAnalytics.timeline,
  requests: data.rewardAnalytics.requestTimeline,
  activity: data.userAnalytics.activityTimeline,
  signUps: data.userAnalytics.newUsersTimeline,
});

describe('analytics for a dashboard', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await adminSession();
  });

  it('when staff ask for 56 days around today, then every timeline has 56 days with zeros, every figure echoes the range and counts what happened', async () => {
    const { eventId, rewardId } = await offer({ autoResolve: true });
    const user = await newUser('counted');
    expect((await requestReward(user.token, eventId, rewardId)).data?.requestReward.status).toBe('APPROVED');
    await recordActivity(admin.token, { userId: user.userId, name: 'chart', key: randomUUID() });
    const from = midnight(Date.now()) - 28 * DAY;
    const range = { from: iso(from), to: iso(from + 56 * DAY) };

    const data = await gqlOk<Analytics>(ANALYTICS, { range }, { token: admin.token });

    const days = Array.from({ length: 56 }, (_, i) => dayOf(from + i * DAY));
    const today = dayOf(Date.now());
    for (const [name, timeline] of Object.entries(timelinesOf(data))) {
      expect({ name, days: timeline.map((d) => d.day) }).toEqual({ name, days });
      expect({ name, today: timeline.find((d) => d.day === today)!.count >= 1 }).toEqual({
        name,
        today: true,
      });
      // Nothing can have happened on the days still to come: they are there, as zeros.
      expect({ name, future: timeline.filter((d) => d.day > today).map((d) => d.count) }).toEqual({
        name,
        future: Array.from({ length: 56 - days.indexOf(today) - 1 }, () => 0),
      });
    }
    expect([data.eventAnalytics.range, data.rewardAnalytics.range, data.userAnalytics.range]).toEqual([
      range,
      range,
      range,
    ]);
    expect(data.eventAnalytics.rewardsPerEvent).toContainEqual({ eventId, rewards: 1 });
    expect(data.eventAnalytics.statusDistribution.map((s) => s.status)).toEqual([
      'DRAFT',
      'ACTIVE',
      'INACTIVE',
    ]);
    expect(data.eventAnalytics.statusDistribution[1].count).toBeGreaterThanOrEqual(1);
    expect(data.rewardAnalytics.typeDistribution.map((t) => t.type)).toEqual([
      'POINT',
      'ITEM',
      'COUPON',
      'BADGE',
    ]);
    expect(data.rewardAnalytics.typeDistribution[0].count).toBeGreaterThanOrEqual(1);
    const statuses = data.rewardAnalytics.requestStatusDistribution;
    expect(statuses.map((s) => s.status)).toEqual(['RECEIVED', 'PENDING', 'APPROVED', 'REJECTED']);
    expect(statuses.find((s) => s.status === 'APPROVED')!.count).toBeGreaterThanOrEqual(1);
    expect(data.userAnalytics.participants).toBeGreaterThanOrEqual(1);
    expect(data.userAnalytics.activeUsers).toBeGreaterThanOrEqual(1);
    expect(data.userAnalytics.newUsers).toBeGreaterThanOrEqual(1);
    expect(data.userAnalytics.participationRate).toBeCloseTo(
      data.userAnalytics.participants / data.userAnalytics.totalUsers,
      3,
    );
  });

  it('when a range lies wholly in the future, then each of its days and each key of a fixed set is there with zero', async () => {
    const from = midnight(Date.now()) + 400 * DAY;
    const range = { from: iso(from), to: iso(from + 10 * DAY) };

    const data = await gqlOk<Analytics>(ANALYTICS, { range }, { token: admin.token });

    const zeros = Array.from({ length: 10 }, (_, i) => ({ day: dayOf(from + i * DAY), count: 0 }));
    for (const [name, timeline] of Object.entries(timelinesOf(data))) {
      expect({ name, timeline }).toEqual({ name, timeline: zeros });
    }
    expect(data.eventAnalytics.statusDistribution).toEqual([
      { status: 'DRAFT', count: 0 },
      { status: 'ACTIVE', count: 0 },
      { status: 'INACTIVE', count: 0 },
    ]);
    expect(data.rewardAnalytics.typeDistribution.every((t) => t.count === 0)).toBe(true);
    expect(data.rewardAnalytics.requestStatusDistribution.every((s) => s.count === 0)).toBe(true);
    expect(data.userAnalytics).toMatchObject({ participants: 0, activeUsers: 0, newUsers: 0 });
  });

  it('when a reward is created and then deleted, then the type distribution of a range around its creation counts it, then no longer', async () => {
    const { createReward: reward } = await gqlOk(
      CreateRewardDocument,
      { input: { name: `counted-${randomUUID()}`, type: 'BADGE', badgeId: 'analytics' } },
      { token: admin.token },
    );
    const createdAt = Date.parse(reward.createdAt);
    const range = { from: iso(createdAt), to: iso(createdAt + 1) };
    const badges = async () =>
      (
        await gqlOk<Analytics>(ANALYTICS, { range }, { token: admin.token })
      ).rewardAnalytics.typeDistribution.find((t) => t.type === 'BADGE')!.count;
    const inDatabase = () =>
      withDb(stack().eventDbUrl, (db) =>
        db.collection('rewards').countDocuments({
          type: 'BADGE',
          createdAt: { $gte: new Date(createdAt), $lt: new Date(createdAt + 1) },
        }),
      );

    expect(await badges()).toBe(await inDatabase());
    expect(await badges()).toBeGreaterThanOrEqual(1);
    await gqlOk(DeleteRewardDocument, { id: reward.id }, { token: admin.token });

    expect(await badges()).toBe(await inDatabase());
  });

  it('when a user signs up after today was asked about, then totalUsers of ranges ending just before and just after their sign-up equal what the database holds', async () => {
    const total = async (to: number) =>
      (
        await gqlOk<Analytics>(
          ANALYTICS,
          { range: { from: iso(to - DAY), to: iso(to) } },
          { token: admin.token },
        )
      ).userAnalytics.totalUsers;
    await total(Date.now());
    const user = await newUser('late');
    const { createdAt } = await withDb(
      stack().userDbUrl,
      async (db) => (await db.collection('users').findOne({ _id: new ObjectId(user.userId) }))!,
    );
    const before = (to: number) =>
      withDb(stack().userDbUrl, (db) =>
        db.collection('users').countDocuments({ createdAt: { $lt: new Date(to) } }),
      );

    const signedUp = (createdAt as Date).getTime();
    expect(await total(signedUp + 1)).toBe(await before(signedUp + 1));
    expect(await total(signedUp)).toBe(await before(signedUp));
    expect(await total(signedUp + 1)).toBeGreaterThan(await total(signedUp));
  });

  it('when a range spans exactly 366 days, then its timelines hold 366 days', async () => {
    const from = midnight(Date.now()) - 365 * DAY;
    const range = { from: iso(from), to: iso(from + 366 * DAY) };

    const data = await gqlOk<Analytics>(ANALYTICS, { range }, { token: admin.token });

    for (const timeline of Object.values(timelinesOf(data))) expect(timeline).toHaveLength(366);
  });

  it.each([
    ['longer than 366 days', 0, 366 * DAY + 1],
    ['ending before it starts', 0, -DAY],
    ['empty', 0, 0],
  ])('when a range is %s, then each analytics query is BAD_USER_INPUT', async (_case, start, length) => {
    const from = midnight(Date.now()) + start;
    const range = { from: iso(from), to: iso(from + length) };

    for (const field of ['eventAnalytics', 'rewardAnalytics', 'userAnalytics']) {
      const result = await gql(
        `query ($range: DateRangeInput!) { ${field}(range: $range) { range { from } } }`,
        { range },
        { token: admin.token },
      );
      expect({ field, codes: errorCodes(result) }).toEqual({ field, codes: ['BAD_USER_INPUT'] });
    }
  });
});
