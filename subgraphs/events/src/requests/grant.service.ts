import { type ReturnModelType } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { badInput, isDuplicateKey } from '@rewardgraph/service-kit';
import { batchedInserts, type NewDocument } from '../batching/batched-inserts';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type GrantCounts } from './grant-counts';
import { type ClaimRecord, type StockSlotRecord } from './grant.model';
import { type InsertOutcome, type UnitAllocator, type UnitScope } from './unit-allocator';

type ClaimModel = ReturnModelType<typeof ClaimRecord>;
type SlotModel = ReturnModelType<typeof StockSlotRecord>;
type Limits = Pick<EventRewardRecord, '_id' | 'perUserLimit' | 'stock'>;

/** What a request holds: its claim number and stock slot, when it has them. */
export interface Holdings {
  claim: number | null;
  slot: number | null;
}

/**
 * Takes and gives back what a granted request holds: one of the user's perUserLimit
 * claims and, when stock is limited, one stock slot. Each is an insert under a unique
 * index, so however many requests race, no more claims or slots exist than the limits
 * allow; the allocator only picks which number to try, in constant time. Every insert
 * and delete of a claim or slot is here, and each outdates its event reward's displayed
 * counts once written (GrantCounts).
 */
export class GrantService {
  private readonly insertClaim: (claim: NewDocument<ClaimRecord>) => Promise<ClaimRecord>;
  private readonly insertSlot: (slot: NewDocument<StockSlotRecord>) => Promise<StockSlotRecord>;

  constructor(
    private readonly claims: ClaimModel,
    private readonly slots: SlotModel,
    private readonly allocator: UnitAllocator,
    private readonly counts: Pick<GrantCounts, 'changed'>,
  ) {
    this.insertClaim = batchedInserts(claims);
    this.insertSlot = batchedInserts(slots);
  }

  private claimScope(eventReward: Limits, userId: string): UnitScope {
    const eventRewardId = eventReward._id;
    return {
      key: `claim:${eventRewardId.toHexString()}:${userId}`,
      capacity: eventReward.perUserLimit,
      taken: async () =>
        (await this.claims.find({ eventRewardId, userId }, { n: 1 }).lean<ClaimRecord[]>().exec()).map(
          (claim) => claim.n,
        ),
    };
  }

  /** Null for unlimited stock, which takes no slots. */
  private stockScope(eventReward: Limits): UnitScope | null {
    const { _id: eventRewardId, stock } = eventReward;
    if (stock === null) return null;
    return {
      key: `stock:${eventRewardId.toHexString()}`,
      capacity: stock,
      taken: async () =>
        (await this.slots.find({ eventRewardId }, { seq: 1 }).lean<StockSlotRecord[]>().exec()).map(
          (slot) => slot.seq,
        ),
    };
  }

  claim(eventReward: Limits, userId: string, requestId: Types.ObjectId): Promise<number | null> {
    return this.allocator.allocate(this.claimScope(eventReward, userId), (n) =>
      this.outcomeOf(eventReward, this.insertClaim({ eventRewardId: eventReward._id, userId, n, requestId })),
    );
  }

  /** Null when the stock is gone; only limited stock is taken slot by slot. */
  takeSlot(eventReward: Limits, requestId: Types.ObjectId): Promise<number | null> {
    const scope = this.stockScope(eventReward);
    if (!scope) throw new Error('takeSlot is for limited stock only');
    return this.allocator.allocate(scope, (seq) =>
      this.outcomeOf(eventReward, this.insertSlot({ eventRewardId: eventReward._id, seq, requestId })),
    );
  }

  /** A cheap look before anything is written: false only when the stock is known to be gone. */
  async stockMayRemain(eventReward: Limits): Promise<boolean> {
    const scope = this.stockScope(eventReward);
    return scope ? this.allocator.mayHaveFree(scope) : true;
  }

  /** What a request holds, found by its id (for recovery and for requests decided twice). */
  async holdings(requestId: Types.ObjectId): Promise<Holdings> {
    const [claim, slot] = await Promise.all([
      this.claims.findOne({ requestId }).lean<ClaimRecord>().exec(),
      this.slots.findOne({ requestId }).lean<StockSlotRecord>().exec(),
    ]);
    return { claim: claim?.n ?? null, slot: slot?.seq ?? null };
  }

  /**
   * Gives back a request's claim and slot; running it again finds nothing to delete.
   * `eventReward` is null when it no longer exists: its numbers are then never offered again.
   */
  async release(requestId: Types.ObjectId, userId: string, eventReward: Limits | null): Promise<void> {
    const [claim, slot] = await Promise.all([
      this.claims.findOneAndDelete({ requestId }).lean<ClaimRecord>().exec(),
      this.slots.findOneAndDelete({ requestId }).lean<StockSlotRecord>().exec(),
    ]);
    const released = claim?.eventRewardId ?? slot?.eventRewardId;
    if (released) await this.counts.changed(released);
    if (!eventReward) return;
    const stock = this.stockScope(eventReward);
    await Promise.all([
      claim ? this.allocator.give(this.claimScope(eventReward, userId), claim.n) : undefined,
      slot && stock ? this.allocator.give(stock, slot.seq) : undefined,
    ]);
  }

  /** After a crash: offers again the numbers a dead process took from the helper but never inserted. */
  async reconcile(eventReward: Limits, userId: string): Promise<void> {
    await this.allocator.reconcile(this.claimScope(eventReward, userId));
    const stock = this.stockScope(eventReward);
    if (stock) await this.allocator.reconcile(stock);
  }

  /** A new or changed stock starts its helper now rather than on the first request of a storm. */
  async prepare(eventReward: Limits): Promise<void> {
    const stock = this.stockScope(eventReward);
    if (stock) await this.allocator.prepare(stock);
  }

  /**
   * Units are numbered, and the unique index only holds numbers up to the limit: so a
   * limit may drop to the highest number held, not below it (a player who holds more than
   * the new per-user limit keeps what they have and gets no more).
   */
  async assertFits(current: Limits, next: Limits): Promise<void> {
    const eventRewardId = current._id;
    if (next.stock !== null && (current.stock === null || next.stock < current.stock)) {
      const slots = await this.slots.find({ eventRewardId }, { seq: 1 }).lean<StockSlotRecord[]>().exec();
      const highest = slots.reduce((max, slot) => Math.max(max, slot.seq), 0);
      if (slots.length > next.stock)
        throw badInput(`stock cannot be below the ${slots.length} already granted`, 'stock');
      if (highest > next.stock)
        throw badInput(`stock cannot be below ${highest} now: unit ${highest} is held`, 'stock');
    }
    if (next.perUserLimit < current.perUserLimit) {
      const claims = await this.claims.find({ eventRewardId }, { n: 1 }).lean<ClaimRecord[]>().exec();
      const highest = claims.reduce((max, claim) => Math.max(max, claim.n), 0);
      if (highest > next.perUserLimit)
        throw badInput(`perUserLimit cannot be below ${highest}: a player holds ${highest}`, 'perUserLimit');
    }
  }

  heldBy(eventReward: Limits, userId: string): Promise<number> {
    return this.claims.countDocuments({ eventRewardId: eventReward._id, userId }).exec();
  }

  slotsTaken(eventReward: Limits): Promise<number> {
    return this.slots.countDocuments({ eventRewardId: eventReward._id }).exec();
  }

  /**
   * A unit's insert: taken when its number is already held (nothing changed), else the
   * event reward's displayed counts are outdated once it is written, or when it failed
   * in a way that may have written it.
   */
  private async outcomeOf(eventReward: Limits, inserting: Promise<unknown>): Promise<InsertOutcome> {
    try {
      await inserting;
    } catch (error) {
      if (isDuplicateKey(error)) return 'taken';
      await this.counts.changed(eventReward._id);
      throw error;
    }
    await this.counts.changed(eventReward._id);
    return 'inserted';
  }
}

/** What remains of a limited stock; null when it is unlimited. */
export const stockLeft = (stock: number | null, slotsTaken: number): number | null =>
  stock === null ? null : Math.max(0, stock - slotsTaken);
