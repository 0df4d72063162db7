import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Auth, ErrorCode, ownedByCaller, type ServiceContext } from '@rewardgraph/service-kit';
import { LoginInput } from '../users/credentials.input';
import { toUser } from '../users/user.type';
import { AuthPayload } from './auth-payload.type';
import { type LoginService } from './login.service';
import { instructRefreshCookie, refreshTokenOf } from './refresh-cookie';
import { type SessionService, type SessionTokens } from './session.service';

@Resolver()
export class SessionResolver {
  constructor(
    private readonly logins: LoginService,
    private readonly sessions: SessionService,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Signs in: an access token, and the refresh token as an HttpOnly cookie',
  })
  async login(@Arg('input') input: LoginInput, @Ctx() context: ServiceContext): Promise<AuthPayload> {
    return this.respond(context, await this.logins.login(input.email, input.password, context.clientIp));
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges the refresh cookie for a new access token; rotates the cookie',
  })
  async refreshToken(@Ctx() context: ServiceContext): Promise<AuthPayload> {
    try {
      return this.respond(context, await this.sessions.refresh(refreshTokenOf(context), context.clientIp));
    } catch (error) {
      // A dead session's cookie is useless: drop it, so the client stops presenting it.
      if (isUnauthenticated(error)) instructRefreshCookie(context, { clear: true });
      throw error;
    }
  }

  @Mutation(() => Boolean, {
    description: 'Ends this session: its refresh and access tokens stop working at once',
  })
  @Auth()
  async logout(@Ctx() context: ServiceContext): Promise<boolean> {
    await this.sessions.logout(context.identity!, refreshTokenOf(context));
    instructRefreshCookie(context, { clear: true });
    return true;
  }

  private respond(context: ServiceContext, tokens: SessionTokens): AuthPayload {
    instructRefreshCookie(context, {
      token: tokens.refresh.token,
      maxAgeSeconds: tokens.refresh.maxAgeSeconds,
    });
    // The caller has just proven who they are, but their new token is not in this request.
    const user = ownedByCaller(toUser(tokens.user));
    return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt, user };
  }
}

const isUnauthenticated = (error: unknown) =>
  (error as { extensions?: { code?: string } }).extensions?.code === ErrorCode.UNAUTHENTICATED;
