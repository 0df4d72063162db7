import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AuthOrOwner, Connection, Role } from '@rewardgraph/service-kit';
import { type UserRecord } from './user.model';

/**
 * Who sees whom (product rule): staff see the id and email of any user they reach, only
 * an ADMIN sees another user's roles, everyone sees themself. The rules sit on the type
 * and its fields, so `me`, `user`, `users`, sign-in payloads and `_entities` (whose
 * `__resolveReference` the type's rule guards) all apply the same one.
 */
@ObjectType({ description: 'A person with an account; other subgraphs extend it by id' })
@Directive('@key(fields: "id")')
@AuthOrOwner('id', Role.ADMIN, Role.OPERATOR, Role.AUDITOR)
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => [Role])
  @AuthOrOwner('id', Role.ADMIN)
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
