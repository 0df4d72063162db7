import { Arg, Mutation, Resolver } from 'type-graphql';
import { LoginInput } from '../users/credentials.input';
import { toUser } from '../users/user.type';
import { AuthPayload } from './auth-payload.type';
import { type LoginService } from './login.service';

@Resolver()
export class SessionResolver {
  constructor(private readonly logins: LoginService) {}

  @Mutation(() => AuthPayload, { description: 'Exchanges email and password for an access token' })
  async login(@Arg('input') input: LoginInput): Promise<AuthPayload> {
    const { user, accessToken, expiresAt } = await this.logins.login(input.email, input.password);
    return { accessToken, expiresAt, user: toUser(user) };
  }
}
