import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import {
  Auth,
  ownedByCaller,
  PageArgs,
  RateLimit,
  Role,
  type ServiceContext,
} from '@rewardgraph/service-kit';
import { type AuthRateLimits } from '../rate-limit/auth-rate-limits';
import { type SessionService } from '../sessions/session.service';
import { SignUpInput } from './credentials.input';
import { UserFilter } from './user.input';
import { toUser, User, UserConnection } from './user.type';
import { normalizeEmail, type UserService } from './user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly sessions: SessionService,
    private readonly limits: AuthRateLimits,
  ) {}

  @Mutation(() => User, { description: 'Creates an account with the USER role' })
  async signUp(@Arg('input') input: SignUpInput, @Ctx() { clientIp }: ServiceContext): Promise<User> {
    await this.limits.signUpAttempt(clientIp);
    return ownedByCaller(toUser(await this.userService.signUp(input.email, input.password)));
  }

  @Query(() => User, { description: 'The signed-in user' })
  @Auth()
  @RateLimit(120, '1m')
  async me(@Ctx() { identity }: ServiceContext): Promise<User> {
    return toUser(await this.userService.getById(identity!.userId));
  }

  @Query(() => User, { nullable: true })
  @Auth(Role.ADMIN)
  @RateLimit(120, '1m')
  async user(@Arg('id', () => ID) id: string): Promise<User | null> {
    const found = await this.userService.findById(id);
    return found ? toUser(found) : null;
  }

  @Query(() => User, { nullable: true })
  @Auth(Role.ADMIN)
  @RateLimit(120, '1m')
  async userByEmail(@Arg('email') email: string): Promise<User | null> {
    const found = await this.userService.findByEmail(normalizeEmail(email));
    return found ? toUser(found) : null;
  }

  @Query(() => UserConnection, { description: 'Users, newest first' })
  @Auth(Role.ADMIN)
  @RateLimit(120, '1m')
  async users(
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Args() page: PageArgs,
  ): Promise<UserConnection> {
    const result = await this.userService.list(filter, page);
    return { ...result, nodes: result.nodes.map(toUser) };
  }

  @Mutation(() => User, {
    description: "Replaces a user's roles; their sessions end and their tokens stop working",
  })
  @Auth(Role.ADMIN)
  async updateUserRoles(
    @Arg('id', () => ID) id: string,
    @Arg('roles', () => [Role]) roles: Role[],
  ): Promise<User> {
    const updated = await this.userService.updateRoles(id, roles);
    await this.sessions.endAllSessions(updated);
    return toUser(updated);
  }
}
