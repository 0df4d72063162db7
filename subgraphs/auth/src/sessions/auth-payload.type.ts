import { Field, ObjectType } from 'type-graphql';
import { User } from '../users/user.type';

@ObjectType({ description: 'A fresh access token and whom it is for' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
