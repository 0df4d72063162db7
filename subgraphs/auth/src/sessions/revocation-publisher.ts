import { randomUUID } from 'node:crypto';
import { type Redis } from 'ioredis';
import {
  REVOCATIONS_STREAM,
  SESSION_REVOKED,
  toStreamFields,
  USER_TOKENS_REVOKED,
} from '@rewardgraph/service-kit';

/**
 * Tells every verifier (gateway and subgraphs) at once that access tokens died
 * before their expiry. Entries older than the longest token lifetime are trimmed:
 * no token they could refuse is still alive.
 */
export class RevocationPublisher {
  constructor(
    private readonly bus: Redis,
    private readonly maxTokenLifetimeMs: number,
  ) {}

  sessionRevoked(sessionId: string): Promise<unknown> {
    return this.publish(SESSION_REVOKED, { sessionId });
  }

  userTokensRevoked(userId: string, minVersion: number): Promise<unknown> {
    return this.publish(USER_TOKENS_REVOKED, { userId, minVersion });
  }

  private publish(type: string, data: Record<string, unknown>) {
    const now = Date.now();
    const event = { id: randomUUID(), type, occurredAt: new Date(now).toISOString(), data };
    return this.bus.xadd(
      REVOCATIONS_STREAM,
      'MINID',
      '~',
      now - this.maxTokenLifetimeMs,
      '*',
      ...toStreamFields(event),
    );
  }
}
