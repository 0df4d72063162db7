import { type Counter, unauthenticated } from '@rewardgraph/service-kit';
import { type ReturnModelType } from '@typegoose/typegoose';
import { type LoginRecord } from '../logins/login.model';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from '../passwords/password-hasher';
import { type AuthRateLimits } from '../rate-limit/auth-rate-limits';
import { normalizeEmail, type UserService } from '../users/user.service';
import { type SessionService, type SessionTokens } from './session.service';

export type LoginModel = ReturnModelType<typeof LoginRecord>;

export class LoginService {
  constructor(
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly limits: AuthRateLimits,
    private readonly logins: LoginModel,
    private readonly attempts: Counter<'outcome'>,
  ) {}

  /**
   * Unknown email and wrong password give the same error after the same work, and are
   * counted the same way (per IP, per account and IP, per account) before the password
   * is looked at, so the limits tell nothing about which accounts exist either.
   */
  async login(email: string, password: string, clientIp: string): Promise<SessionTokens> {
    const account = normalizeEmail(email);
    await this.limits.loginAttempt(clientIp, account);
    const user = await this.users.findByEmail(account);
    const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !matches) {
      this.attempts.inc({ outcome: 'failed' });
      throw unauthenticated('Wrong email or password');
    }
    this.attempts.inc({ outcome: 'success' });

    await this.limits.loginSucceeded(clientIp, account);
    if (needsRehash(user.passwordHash))
      await this.users.replacePasswordHash(user._id, await hashPassword(password));
    await this.logins.create({ userId: user._id.toHexString(), at: new Date(), clientIp, published: false });
    return this.sessions.start(user);
  }
}
