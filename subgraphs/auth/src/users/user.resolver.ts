import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Auth, type ServiceContext } from '@rewardgraph/service-kit';
import { SignUpInput } from './credentials.input';
import { toUser, User } from './user.type';
import { type UserService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly users: UserService) {}

  @Mutation(() => User, { description: 'Creates an account with the USER role' })
  async signUp(@Arg('input') input: SignUpInput): Promise<User> {
    return toUser(await this.users.signUp(input.email, input.password));
  }

  @Query(() => User, { description: 'The signed-in user' })
  @Auth()
  async me(@Ctx() { identity }: ServiceContext): Promise<User> {
    return toUser(await this.users.getById(identity!.userId));
  }
}
