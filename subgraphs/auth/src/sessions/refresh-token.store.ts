import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type Redis } from 'ioredis';

/**
 * Refresh tokens in the "secure" Redis, by SHA-256 hash only (they are 256 random
 * bits, so a fast hash is enough). A family is one sign-in: every rotation adds a
 * token to it. Keys:
 *   rg:rt:<hash>        "<familyId>|active" or "<familyId>|rotated"
 *   rg:fam:<familyId>   hash { userId, absoluteExpiresAt }
 *   rg:user-fams:<id>   set of the user's family ids
 * Expiry is Redis EX: an active token lives for the idle timeout, never past the
 * family's absolute end, which no rotation extends. A rotated token is kept until
 * then so that presenting it again is recognised as reuse.
 */
const tokenKey = (hash: string) => `rg:rt:${hash}`;
const familyKey = (familyId: string) => `rg:fam:${familyId}`;
const userFamiliesKey = (userId: string) => `rg:user-fams:${userId}`;

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Atomic: of any number of parallel rotations of one token, exactly one sees it active. */
const ROTATE = `
local value = redis.call('GET', KEYS[1])
if not value then return {'unknown'} end
local sep = string.find(value, '|', 1, true)
local family = string.sub(value, 1, sep - 1)
local state = string.sub(value, sep + 1)
local familyKey = 'rg:fam:' .. family
local userId = redis.call('HGET', familyKey, 'userId')
if not userId then return {'revoked', '', family} end
if state ~= 'active' then
  redis.call('DEL', familyKey)
  redis.call('SREM', 'rg:user-fams:' .. userId, family)
  return {'reuse', userId, family}
end
local remainingMs = tonumber(redis.call('HGET', familyKey, 'absoluteExpiresAt')) - tonumber(ARGV[2])
if remainingMs <= 0 then return {'expired', userId, family} end
local remaining = math.ceil(remainingMs / 1000)
redis.call('SET', KEYS[1], family .. '|rotated', 'EX', remaining)
redis.call('SET', 'rg:rt:' .. ARGV[1], family .. '|active', 'EX', math.min(tonumber(ARGV[3]), remaining))
return {'ok', userId, family, tostring(remaining)}
`;

export type RotationResult =
  | { outcome: 'ok'; userId: string; familyId: string; token: string; remainingSeconds: number }
  | { outcome: 'reuse'; userId: string; familyId: string }
  | { outcome: 'unknown' | 'revoked' | 'expired' };

export interface SessionLifetimes {
  absoluteSeconds: number;
  idleSeconds: number;
}

export class RefreshTokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly lifetimes: SessionLifetimes,
  ) {}

  /** Starts a family for a fresh sign-in and returns its first token. */
  async startFamily(userId: string): Promise<{ familyId: string; token: string; maxAgeSeconds: number }> {
    const familyId = randomUUID();
    const token = newToken();
    const { absoluteSeconds, idleSeconds } = this.lifetimes;
    await this.redis
      .multi()
      .hset(familyKey(familyId), { userId, absoluteExpiresAt: Date.now() + absoluteSeconds * 1000 })
      .expire(familyKey(familyId), absoluteSeconds)
      .set(tokenKey(hashRefreshToken(token)), `${familyId}|active`, 'EX', idleSeconds)
      .sadd(userFamiliesKey(userId), familyId)
      .expire(userFamiliesKey(userId), absoluteSeconds)
      .exec();
    return { familyId, token, maxAgeSeconds: absoluteSeconds };
  }

  async rotate(token: string): Promise<RotationResult> {
    const next = newToken();
    const [outcome, userId, familyId, remaining] = (await this.redis.eval(
      ROTATE,
      1,
      tokenKey(hashRefreshToken(token)),
      hashRefreshToken(next),
      Date.now(),
      this.lifetimes.idleSeconds,
    )) as string[];
    if (outcome === 'ok')
      return { outcome, userId, familyId, token: next, remainingSeconds: Number(remaining) };
    if (outcome === 'reuse') return { outcome, userId, familyId };
    return { outcome: outcome as 'unknown' | 'revoked' | 'expired' };
  }

  /** The family a token belongs to, while the family is alive. */
  async familyOf(token: string): Promise<string | null> {
    const value = await this.redis.get(tokenKey(hashRefreshToken(token)));
    if (!value) return null;
    const familyId = value.slice(0, value.indexOf('|'));
    return (await this.redis.exists(familyKey(familyId))) ? familyId : null;
  }

  /** Whose session a token (active or already rotated) belongs to, without touching it. */
  async ownerOf(token: string): Promise<string | null> {
    const value = await this.redis.get(tokenKey(hashRefreshToken(token)));
    return value ? this.redis.hget(familyKey(value.slice(0, value.indexOf('|'))), 'userId') : null;
  }

  async revokeFamily(familyId: string): Promise<void> {
    const userId = await this.redis.hget(familyKey(familyId), 'userId');
    const tx = this.redis.multi().del(familyKey(familyId));
    if (userId) tx.srem(userFamiliesKey(userId), familyId);
    await tx.exec();
  }

  /** Ends every session of a user; returns the families that were alive. */
  async revokeUser(userId: string): Promise<string[]> {
    const families = await this.redis.smembers(userFamiliesKey(userId));
    await this.redis
      .multi()
      .del(...families.map(familyKey), userFamiliesKey(userId))
      .exec();
    return families;
  }
}

const newToken = () => `rgr_${randomBytes(32).toString('base64url')}`;
