import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Auth } from '@rewardgraph/service-kit';

@ObjectType({ description: 'A person with an account; other subgraphs extend it by id' })
@Directive('@key(fields: "id")')
@Auth()
export class User {
  @Field(() => ID)
  id!: string;
}
