import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Connection, Role } from '@rewardgraph/service-kit';
import { type UserRecord } from './user.model';

@ObjectType({ description: 'A person with an account; other subgraphs extend it by id' })
@Directive('@key(fields: "id")')
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class UserConnection extends Connection(User) {}

export const toUser = (record: UserRecord): User => ({
  id: record._id.toHexString(),
  email: record.email,
  roles: record.roles,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});
