import { unauthenticated, type Identity } from '@rewardgraph/service-kit';
import { type Logger } from 'pino';
import { type AuthRateLimits } from '../rate-limit/auth-rate-limits';
import { type AccessTokenIssuer, type IssuedAccessToken } from '../tokens/access-token-issuer';
import { type UserRecord } from '../users/user.model';
import { type UserService } from '../users/user.service';
import { type RefreshTokenStore } from './refresh-token.store';
import { type RevocationPublisher } from './revocation-publisher';

export interface SessionTokens extends IssuedAccessToken {
  user: UserRecord;
  refresh: { token: string; maxAgeSeconds: number };
}

/** Sessions: refresh-token families, the access tokens issued in them, and their revocation. */
export class SessionService {
  constructor(
    private readonly users: UserService,
    private readonly refreshTokens: RefreshTokenStore,
    private readonly issueAccessToken: AccessTokenIssuer,
    private readonly revocations: RevocationPublisher,
    private readonly limits: AuthRateLimits,
    private readonly logger: Logger,
  ) {}

  async start(user: UserRecord): Promise<SessionTokens> {
    const { familyId, token, maxAgeSeconds } = await this.refreshTokens.startFamily(user._id.toHexString());
    return { user, refresh: { token, maxAgeSeconds }, ...(await this.accessTokenFor(user, familyId)) };
  }

  /**
   * Rotates the presented refresh token. A token that was already rotated is a
   * stolen copy or a replay (RFC 9700 §4.14.2): its whole family is revoked, and so
   * are the access tokens issued in it. Every limit is checked before the rotation:
   * a refused refresh leaves the token as it was, so the client's retry is not reuse.
   */
  async refresh(token: string | undefined, clientIp: string): Promise<SessionTokens> {
    await this.limits.refreshAttempt(clientIp);
    if (!token) throw unauthenticated('No session: sign in');
    const owner = await this.refreshTokens.ownerOf(token);
    if (owner) await this.limits.refreshForUser(owner);
    const rotation = await this.refreshTokens.rotate(token);
    if (rotation.outcome === 'reuse') {
      this.logger.warn(
        { userId: rotation.userId, sessionId: rotation.familyId },
        'refresh token reuse: session revoked',
      );
      await this.revocations.sessionRevoked(rotation.familyId);
      throw unauthenticated('This session was ended because its refresh token was used twice; sign in again');
    }
    if (rotation.outcome !== 'ok') throw unauthenticated('Session expired or ended: sign in');
    const user = await this.users.findById(rotation.userId);
    if (!user) {
      await this.refreshTokens.revokeFamily(rotation.familyId);
      throw unauthenticated('Session expired or ended: sign in');
    }
    return {
      user,
      refresh: { token: rotation.token, maxAgeSeconds: rotation.remainingSeconds },
      ...(await this.accessTokenFor(user, rotation.familyId)),
    };
  }

  /** Ends the caller's session (and the one of the refresh cookie, if it is another). */
  async logout(identity: Identity, cookieToken: string | undefined): Promise<void> {
    const families = new Set<string>();
    if (identity.sessionId) families.add(identity.sessionId);
    const cookieFamily = cookieToken ? await this.refreshTokens.familyOf(cookieToken) : null;
    if (cookieFamily) families.add(cookieFamily);
    for (const familyId of families) {
      await this.refreshTokens.revokeFamily(familyId);
      await this.revocations.sessionRevoked(familyId);
    }
  }

  /** After a role change: every session of the user ends and older access tokens are refused. */
  async endAllSessions(user: UserRecord): Promise<void> {
    await this.refreshTokens.revokeUser(user._id.toHexString());
    await this.revocations.userTokensRevoked(user._id.toHexString(), user.tokenVersion);
  }

  private accessTokenFor(user: UserRecord, sessionId: string) {
    return this.issueAccessToken({
      userId: user._id.toHexString(),
      roles: user.roles,
      sessionId,
      tokenVersion: user.tokenVersion,
    });
  }
}
