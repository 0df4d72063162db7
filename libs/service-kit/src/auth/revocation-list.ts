import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { REVOCATIONS_STREAM, fromStreamFields } from '../bus/domain-event';

export const SESSION_REVOKED = 'session.revoked';
export const USER_TOKENS_REVOKED = 'user.tokens_revoked';

export interface RevocableToken {
  userId: string;
  sessionId?: string;
  tokenVersion?: number;
}

type StreamEntries = [id: string, fields: string[]][];

/**
 * What every verifier knows of revoked access tokens, fed by the auth service's
 * revocation stream: sessions that were logged out or caught reusing a refresh
 * token, and users whose tokens below a version died with a role change. Entries
 * are kept as long as a token issued before them could live, then forgotten.
 * A blocking XREAD delivers a revocation to every service within milliseconds.
 */
export class RevocationList {
  private readonly sessions = new Map<string, number>();
  private readonly users = new Map<string, { minVersion: number; until: number }>();
  private lastId = '0-0';
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly windowMs: number,
    private readonly logger: Logger,
  ) {}

  isRevoked({ userId, sessionId, tokenVersion }: RevocableToken, now = Date.now()): boolean {
    if (sessionId && (this.sessions.get(sessionId) ?? 0) > now) return true;
    const user = this.users.get(userId);
    return !!user && user.until > now && (tokenVersion ?? 0) < user.minVersion;
  }

  /** Loads the revocations still in force, then follows the stream. */
  async start(): Promise<void> {
    const since = Date.now() - this.windowMs;
    this.apply(await this.redis.xrange(REVOCATIONS_STREAM, `${since}-0`, '+'));
    if (this.lastId === '0-0') this.lastId = `${since}-0`;
    this.running = true;
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.redis.disconnect();
    await this.loop;
  }

  private async follow(): Promise<void> {
    while (this.running) {
      try {
        const reply = (await this.redis.xread('BLOCK', 5000, 'STREAMS', REVOCATIONS_STREAM, this.lastId)) as
          [string, StreamEntries][] | null;
        if (reply) this.apply(reply[0][1]);
      } catch (error) {
        if (!this.running) return;
        this.logger.error({ err: error }, 'reading revocations failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  private apply(entries: StreamEntries): void {
    const now = Date.now();
    for (const [id, fields] of entries) {
      this.lastId = id;
      const event = fromStreamFields(fields);
      const until = Date.parse(event.occurredAt) + this.windowMs;
      if (event.type === SESSION_REVOKED) this.sessions.set(String(event.data.sessionId), until);
      if (event.type === USER_TOKENS_REVOKED) {
        const userId = String(event.data.userId);
        const minVersion = Number(event.data.minVersion);
        const known = this.users.get(userId);
        if (!known || known.minVersion <= minVersion) this.users.set(userId, { minVersion, until });
      }
    }
    for (const [sid, until] of this.sessions) if (until <= now) this.sessions.delete(sid);
    for (const [userId, entry] of this.users) if (entry.until <= now) this.users.delete(userId);
  }
}
