import { type ReturnModelType } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { isDuplicateKey } from '@rewardgraph/service-kit';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type ClaimRecord, type StockSlotRecord } from './grant.model';

/**
 * Takes and gives back what a granted request holds: one of the user's
 * perUserLimit claims and, when stock is limited, one stock slot. Each is an insert
 * under a unique index, so however many requests race, no more claims or slots exist
 * than the limits allow.
 */
export class GrantService {
  constructor(
    private readonly claims: ReturnModelType<typeof ClaimRecord>,
    private readonly slots: ReturnModelType<typeof StockSlotRecord>,
  ) {}

  async claim(eventReward: EventRewardRecord, userId: string, requestId: Types.ObjectId): Promise<boolean> {
    for (let n = 1; n <= eventReward.perUserLimit; n++) {
      if (await this.insert(this.claims, { eventRewardId: eventReward._id, userId, n, requestId }))
        return true;
    }
    return false;
  }

  /** Starts where free slots are likely (after the taken count) and wraps round to reuse released ones. */
  async takeSlot(eventReward: EventRewardRecord, requestId: Types.ObjectId): Promise<boolean> {
    const stock = eventReward.stock ?? 0;
    const taken = await this.slots.countDocuments({ eventRewardId: eventReward._id }).exec();
    for (let i = 0; i < stock; i++) {
      const seq = ((taken + i) % stock) + 1;
      if (await this.insert(this.slots, { eventRewardId: eventReward._id, seq, requestId })) return true;
    }
    return false;
  }

  heldBy(eventReward: EventRewardRecord, userId: string): Promise<number> {
    return this.claims.countDocuments({ eventRewardId: eventReward._id, userId }).exec();
  }

  granted(eventReward: EventRewardRecord): Promise<number> {
    return this.slots.countDocuments({ eventRewardId: eventReward._id }).exec();
  }

  async release(requestId: Types.ObjectId): Promise<void> {
    await Promise.all([
      this.claims.deleteMany({ requestId }).exec(),
      this.slots.deleteMany({ requestId }).exec(),
    ]);
  }

  private async insert(
    model: ReturnModelType<typeof ClaimRecord> | ReturnModelType<typeof StockSlotRecord>,
    doc: object,
  ) {
    try {
      await (model as ReturnModelType<typeof ClaimRecord>).create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
