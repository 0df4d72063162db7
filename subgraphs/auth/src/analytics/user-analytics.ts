import { type ReturnModelType } from '@typegoose/typegoose';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Auth, DayCount, dayRange, Role } from '@rewardgraph/service-kit';
import { type UserRecord } from '../users/user.model';

/** The user-base figures of a range; the events subgraph owns the entity's other figures. */
@ObjectType()
@Directive('@key(fields: "from to")')
@Auth(Role.ADMIN, Role.OPERATOR, Role.AUDITOR)
export class UserAnalytics {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => Int, { description: 'Users who signed up in the range' })
  newUsers!: number;

  @Field(() => [DayCount], { description: 'Sign-ups per day' })
  newUsersTimeline!: DayCount[];

  @Field(() => Int, { description: 'Users who had signed up by the end of the range' })
  totalUsers!: number;
}

/** Counts from the sign-up day bucket and the creation index; nothing outside the range is read. */
export function createUserAnalyticsReference(users: ReturnModelType<typeof UserRecord>) {
  return async (reference: { from: string; to: string }): Promise<UserAnalytics> => {
    const from = new Date(reference.from);
    const to = new Date(reference.to);
    const day = dayRange({ from, to });
    const [timeline, totalUsers] = await Promise.all([
      users
        .aggregate<{ _id: string; count: number }>([
          { $match: { signUpDay: day } },
          { $group: { _id: '$signUpDay', count: { $sum: 1 } } },
          { $sort: { _id: 1 } },
        ])
        .exec(),
      users.countDocuments({ createdAt: { $lt: to } }).exec(),
    ]);
    const newUsersTimeline = timeline.map((row) => ({ day: row._id, count: row.count }));
    return {
      from,
      to,
      newUsers: newUsersTimeline.reduce((n, d) => n + d.count, 0),
      newUsersTimeline,
      totalUsers,
    };
  };
}
