import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AuthOrOwner, Role } from '@rewardgraph/service-kit';

/** Seen as the auth subgraph's `User` is: by staff, or by the user themself (product rule "who sees whom"). */
@ObjectType({ description: 'A person with an account; other subgraphs extend it by id' })
@Directive('@key(fields: "id")')
@AuthOrOwner('id', Role.ADMIN, Role.OPERATOR, Role.AUDITOR)
export class User {
  @Field(() => ID)
  id!: string;
}
