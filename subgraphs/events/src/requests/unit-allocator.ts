import { type Redis } from 'ioredis';
import { type Logger } from 'pino';

/**
 * A numbered set of units: a user's claims on one event reward (1…perUserLimit) or an
 * event reward's stock (1…stock). Including the capacity in the scope means a changed
 * limit starts a fresh helper, rebuilt once from the database.
 */
export interface UnitScope {
  key: string;
  capacity: number;
  /** The unit numbers the database holds for this scope; read only to rebuild the helper. */
  taken(): Promise<number[]>;
}

export type InsertOutcome = 'inserted' | 'taken';

/** Numbers the helper handed out that turned out to be taken, before it is rebuilt. */
const STALE_TRIES = 4;
const TTL_SECONDS = 7 * 86_400;
const CHUNK = 1000;

/** -1: no helper (rebuild), 0: every unit is taken, n: try unit n. */
const TAKE = `
local next = redis.call('GET', KEYS[1])
if not next then return -1 end
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
local n = redis.call('SPOP', KEYS[2])
if n then return tonumber(n) end
if tonumber(next) < tonumber(ARGV[1]) then return redis.call('INCR', KEYS[1]) end
return 0`;

/** -1: no helper, 0: every unit is taken, 1: some unit may be free. */
const PEEK = `
local next = redis.call('GET', KEYS[1])
if not next then return -1 end
if redis.call('SCARD', KEYS[2]) > 0 or tonumber(next) < tonumber(ARGV[1]) then return 1 end
return 0`;

/** A unit given back is offered again, unless the helper is gone (its rebuild will find it). */
const GIVE = `
if redis.call('EXISTS', KEYS[1]) == 0 or tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
return redis.call('SADD', KEYS[2], ARGV[1])`;

interface AllocatorCommands {
  takeUnit(next: string, free: string, capacity: number, ttl: number): Promise<number>;
  peekUnit(next: string, free: string, capacity: number): Promise<number>;
  giveUnit(next: string, free: string, unit: number, capacity: number): Promise<number>;
}

/**
 * Chooses which unit a request tries to take, in O(1), whatever the capacity and however
 * many units are taken: a Redis counter of the highest number handed out and a set of
 * numbers given back. The helper only advises: the insert under a unique index decides,
 * so a stale or lost helper costs a retry or a rebuild from the database, never an
 * invariant.
 */
export class UnitAllocator {
  private readonly redis: Redis & AllocatorCommands;
  private readonly rebuilding = new Map<string, Promise<void>>();

  constructor(
    redis: Redis,
    private readonly logger: Logger,
  ) {
    redis.defineCommand('takeUnit', { numberOfKeys: 2, lua: TAKE });
    redis.defineCommand('peekUnit', { numberOfKeys: 2, lua: PEEK });
    redis.defineCommand('giveUnit', { numberOfKeys: 2, lua: GIVE });
    this.redis = redis as Redis & AllocatorCommands;
  }

  /** Takes a unit with `insert`; null when every unit is taken. */
  async allocate(scope: UnitScope, insert: (unit: number) => Promise<InsertOutcome>): Promise<number | null> {
    // One unit needs no choosing: the insert alone answers.
    if (scope.capacity === 1) return (await insert(1)) === 'inserted' ? 1 : null;
    for (let attempt = 0; attempt <= STALE_TRIES; attempt++) {
      if (attempt === STALE_TRIES) {
        this.logger.warn({ scope: scope.key }, 'unit helper kept offering taken units; rebuilding it');
        await this.forget(scope);
      }
      const unit = await this.take(scope);
      if (unit === 0) return null;
      if ((await insert(unit)) === 'inserted') return unit;
    }
    return null;
  }

  /** False only when the helper knows every unit is taken; a missing helper says maybe. */
  async mayHaveFree(scope: UnitScope): Promise<boolean> {
    if (scope.capacity === 1) return true;
    const [next, free] = keysOf(scope);
    return (await this.redis.peekUnit(next, free, scope.capacity)) !== 0;
  }

  async give(scope: UnitScope, unit: number): Promise<void> {
    if (scope.capacity === 1) return;
    const [next, free] = keysOf(scope);
    await this.redis.giveUnit(next, free, unit, scope.capacity);
  }

  /**
   * Offers again every unit up to the highest handed out that the database does not hold:
   * what a crash between taking a number and inserting it (or deleting a unit and giving
   * it back) left out. Only adds, so it is safe beside live traffic.
   */
  async reconcile(scope: UnitScope): Promise<void> {
    if (scope.capacity === 1) return;
    const [nextKey, freeKey] = keysOf(scope);
    const next = Number(await this.redis.get(nextKey));
    if (!next) return;
    const taken = new Set(await scope.taken());
    const missing = range(1, next).filter((unit) => !taken.has(unit));
    await this.addFree(freeKey, missing);
  }

  /** Starts the helper of a scope that may never have been used (a new event reward's stock). */
  prepare(scope: UnitScope): Promise<void> {
    return scope.capacity === 1 ? Promise.resolve() : this.rebuild(scope);
  }

  async forget(scope: UnitScope): Promise<void> {
    await this.redis.del(...keysOf(scope));
  }

  private async take(scope: UnitScope): Promise<number> {
    const [next, free] = keysOf(scope);
    const unit = await this.redis.takeUnit(next, free, scope.capacity, TTL_SECONDS);
    if (unit !== -1) return unit;
    await this.rebuild(scope);
    return this.redis.takeUnit(next, free, scope.capacity, TTL_SECONDS);
  }

  /** Once per scope and process at a time; the first process to rebuild wins (SET NX). */
  private rebuild(scope: UnitScope): Promise<void> {
    const running = this.rebuilding.get(scope.key);
    if (running) return running;
    const work = (async () => {
      const [nextKey, freeKey] = keysOf(scope);
      const taken = new Set((await scope.taken()).filter((unit) => unit <= scope.capacity));
      const highest = [...taken].reduce((max, unit) => Math.max(max, unit), 0);
      const won = await this.redis.set(nextKey, highest, 'EX', TTL_SECONDS, 'NX');
      if (!won) return;
      await this.addFree(
        freeKey,
        range(1, highest).filter((unit) => !taken.has(unit)),
      );
    })().finally(() => this.rebuilding.delete(scope.key));
    this.rebuilding.set(scope.key, work);
    return work;
  }

  private async addFree(freeKey: string, units: number[]): Promise<void> {
    for (let i = 0; i < units.length; i += CHUNK) {
      await this.redis.sadd(freeKey, ...units.slice(i, i + CHUNK));
    }
    if (units.length) await this.redis.expire(freeKey, TTL_SECONDS);
  }
}

/** Both keys share a hash tag, so the scripts also run on a Redis cluster. */
const keysOf = (scope: UnitScope): [string, string] => [
  `rg:units:{${scope.key}:${scope.capacity}}:next`,
  `rg:units:{${scope.key}:${scope.capacity}}:free`,
];

const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
