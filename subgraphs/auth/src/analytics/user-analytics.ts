import { type ReturnModelType } from '@typegoose/typegoose';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Auth, DateRange, DayCount, dayRange, Role, timeline, type Range } from '@rewardgraph/service-kit';
import { type UserRecord } from '../users/user.model';

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
 * Counts from the sign-up day bucket and the creation index; nothing outside the range is
 * read. The key's dates arrive as Dates: representations are coerced by the schema first.
 */
export function createUserAnalyticsReference(users: ReturnModelType<typeof UserRecord>) {
  return async ({ range }: { range: Range }): Promise<UserAnalytics> => {
    const day = dayRange(range);
    const [signUps, totalUsers] = await Promise.all([
      users
        .aggregate<{ _id: string; count: number }>([
          { $match: { signUpDay: day } },
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
  };
}
