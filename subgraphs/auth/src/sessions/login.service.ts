import { unauthenticated } from '@rewardgraph/service-kit';
import { decoyHash, verifyPassword } from '../passwords/password-hasher';
import { type AccessTokenIssuer } from '../tokens/access-token-issuer';
import { type UserRecord } from '../users/user.model';
import { type UserService } from '../users/user.service';

export interface LoginResult {
  user: UserRecord;
  accessToken: string;
  expiresAt: Date;
}

export class LoginService {
  constructor(
    private readonly users: UserService,
    private readonly issueAccessToken: AccessTokenIssuer,
  ) {}

  /** Unknown email and wrong password give the same error after the same work. */
  async login(email: string, password: string): Promise<LoginResult> {
    const user = await this.users.findByEmail(email);
    const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !matches) throw unauthenticated('Wrong email or password');
    const token = await this.issueAccessToken({ userId: user._id.toHexString(), roles: user.roles });
    return { user, ...token };
  }
}
