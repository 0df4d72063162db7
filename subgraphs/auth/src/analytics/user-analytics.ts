import { type ReturnModelType } from '@typegoose/typegoose';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import {
  Auth,
  DateRange,
  DayCount,
  dayOf,
  dayRange,
  Role,
  timeline,
  type Range,
  type Tally,
} from '@rewardgraph/service-kit';
import { SIGNED_UP } from '../users/user-figures';
import { type UserRecord } from '../users/user.model';
import { SignUpsOfDay } from './sign-ups-of-day';

/** The user-base figures of a range; the events subgraph owns the entity's other figures. */
@ObjectType()
@Directive('@key(fields: "range { from to }")')
@Auth(Role.ADMIN, Role.OPERATOR, Role.AUDITOR)
export class UserAnalytics {
  @Field(() => DateRange)
  range!: DateRange;

  @Field(() => Int, { description: 'Users who signed up in the range' })
  newUsers!: number;

  @Field(() => [DayCount], { description: 'Sign-ups per day; every day of the range, zero included' })
  newUsersTimeline!: DayCount[];

  @Field(() => Int, { description: 'Users who had signed up by the end of the range' })
  totalUsers!: number;
}

/**
 * Sign-ups per day from the user tally kept in Redis, or from the sign-up day bucket in
 * the database while the tally is being built. Total users: every sign-up day before the
 * range's end, and the users of its last day who signed up before it, from that day's
 * sign-up times kept while the tally's count of the day is unchanged (SignUpsOfDay), so a
 * question reads no user unless someone signed up on that day since the last one. It
 * answers both the root field and the entity's references, whose dates arrive as Dates:
 * representations are coerced by the schema first.
 */
export function createUserAnalyticsFigures(users: ReturnModelType<typeof UserRecord>, tally: Tally) {
  const lastDays = new SignUpsOfDay(users);
  return async ({ range }: { range: Range }): Promise<UserAnalytics> => {
    const day = dayRange(range);
    const counts = await tally.read();
    if (!counts) return fromDatabase(users, range);
    const perDay = new Map<string, number>();
    for (const [signUpDay, states] of counts.days) {
      if (signUpDay >= day.$gte && signUpDay <= day.$lte) perDay.set(signUpDay, states.get(SIGNED_UP) ?? 0);
    }
    const lastDay = dayOf(range.to);
    const before = [...counts.days]
      .filter(([signUpDay]) => signUpDay < lastDay)
      .reduce((n, [, states]) => n + (states.get(SIGNED_UP) ?? 0), 0);
    const onLastDay = await lastDays.before(lastDay, counts.days.get(lastDay)?.get(SIGNED_UP) ?? 0, range.to);
    return {
      range,
      newUsers: [...perDay.values()].reduce((n, c) => n + c, 0),
      newUsersTimeline: timeline(range, perDay),
      totalUsers: before + onLastDay,
    };
  };
}

async function fromDatabase(users: ReturnModelType<typeof UserRecord>, range: Range): Promise<UserAnalytics> {
  const [signUps, totalUsers] = await Promise.all([
    users
      .aggregate<{ _id: string; count: number }>([
        { $match: { signUpDay: dayRange(range) } },
        { $group: { _id: '$signUpDay', count: { $sum: 1 } } },
      ])
      .exec(),
    users.countDocuments({ createdAt: { $lt: range.to } }).exec(),
  ]);
  return {
    range,
    newUsers: signUps.reduce((n, row) => n + row.count, 0),
    newUsersTimeline: timeline(range, new Map(signUps.map((row) => [row._id, row.count]))),
    totalUsers,
  };
}
