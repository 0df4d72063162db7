import { type ReturnModelType } from '@typegoose/typegoose';
import { Types } from 'mongoose';
import { readEach } from '@rewardgraph/service-kit';
import { type ReadCache } from '../cache/read-cache';
import { type ClaimRecord, type StockSlotRecord } from './grant.model';

type ClaimModel = ReturnModelType<typeof ClaimRecord>;
type SlotModel = ReturnModelType<typeof StockSlotRecord>;

/**
 * What an event reward has granted, for display: its claims (one per granted request,
 * PENDING or APPROVED, limited stock or not) and its stock slots taken (limited stock only).
 */
export interface GrantCount {
  granted: number;
  slotsTaken: number;
}

const countsKey = (eventRewardId: string) => `grants:${eventRewardId}`;

/**
 * The claims and slots of event rewards counted for `granted` and `stockLeft`, kept in
 * the read cache: counting them reads every claim of an event reward in FerretDB, so an
 * event page would cost more with every player granted. Each event reward's counts live
 * under a version of their own, which GrantService deletes after every claim or slot it
 * inserts or deletes: a count loaded before such a write is stored under a version no
 * reader looks up any more (docs/events.md, "The read cache"). Grant decisions never
 * read these counts: the unique claims and slots decide.
 */
export class GrantCounts {
  constructor(
    private readonly claims: ClaimModel,
    private readonly slots: SlotModel,
    private readonly cache: ReadCache,
  ) {}

  /** For DataLoader: by event reward id, in the order asked; one cache round trip for the versions, one for the counts. */
  async of(eventRewardIds: readonly string[]): Promise<GrantCount[]> {
    const keys = await this.cache.versionedKeys(eventRewardIds.map(countsKey));
    return this.cache.getMany(keys, async (missing) => {
      const ids = missing.map((index) => new Types.ObjectId(eventRewardIds[index]));
      const [granted, slotsTaken] = await Promise.all([
        countPer(this.claims, ids),
        countPer(this.slots, ids),
      ]);
      return ids.map((_, i) => ({ granted: granted[i], slotsTaken: slotsTaken[i] }));
    });
  }

  /** After a claim or slot of the event reward was inserted or deleted, or may have been. */
  changed(eventRewardId: Types.ObjectId): Promise<void> {
    return this.cache.forget([], [countsKey(eventRewardId.toHexString())]);
  }
}

/** Documents per event reward, one indexed count each (`eventRewardId` leads `claim_unique` and `slot_unique`). */
async function countPer(
  model: ClaimModel | SlotModel,
  eventRewardIds: readonly Types.ObjectId[],
): Promise<number[]> {
  const rows = await readEach(eventRewardIds, (eventRewardId) =>
    (model as ClaimModel)
      .aggregate<{ _id: Types.ObjectId; count: number }>([
        { $match: { eventRewardId } },
        { $group: { _id: '$eventRewardId', count: { $sum: 1 } } },
      ])
      .exec(),
  );
  const counts = new Map(rows.map((row) => [String(row._id), row.count]));
  return eventRewardIds.map((id) => counts.get(String(id)) ?? 0);
}
