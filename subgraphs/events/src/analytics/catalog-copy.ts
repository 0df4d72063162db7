import { type ReturnModelType } from '@typegoose/typegoose';
import { type ResponseGeneration } from '@rewardgraph/service-kit';
import { type EventRewardRecord } from '../event-rewards/event-reward.model';
import { type EventRecord } from '../events/event.model';
import { type RewardRecord } from '../rewards/reward.model';

export type CatalogEvent = Pick<EventRecord, '_id' | 'name' | 'status' | 'day'>;
export type CatalogReward = Pick<RewardRecord, 'type' | 'createdAt'>;

export interface Catalog {
  events: CatalogEvent[];
  /** How many rewards each event offers, by event id. */
  rewardsPerEvent: Map<string, number>;
  /** The reward catalog, by type and creation time. */
  rewards: CatalogReward[];
}

/**
 * The events, their rewards and the reward catalog as analytics read them, read once per
 * response version: every write to any of them (reward creation included) replaces the
 * version (the read cache's invalidation), so a copy kept under the version it was read
 * with is never older than that version, on any instance. The catalog is small next to
 * the play it organizes, and counting it per question would read it whole each time
 * (FerretDB sends no range to an index).
 */
export class CatalogCopy {
  private held: { version: string; catalog: Promise<Catalog> } | undefined;
  private unversioned: Promise<Catalog> | undefined;

  constructor(
    private readonly events: ReturnModelType<typeof EventRecord>,
    private readonly eventRewards: ReturnModelType<typeof EventRewardRecord>,
    private readonly rewards: ReturnModelType<typeof RewardRecord>,
    private readonly responses: ResponseGeneration,
  ) {}

  async read(): Promise<Catalog> {
    const version = await this.responses.current();
    // Without a version nothing may be kept, but questions asked together share one read:
    // a loaded process whose Redis answers late must not read the catalog once per caller.
    if (version === null) {
      this.unversioned ??= this.load().finally(() => {
        this.unversioned = undefined;
      });
      return this.unversioned;
    }
    if (this.held?.version !== version) {
      const catalog = this.load();
      this.held = { version, catalog };
      // A failed read is not kept: the next question reads again.
      catalog.catch(() => {
        if (this.held?.catalog === catalog) this.held = undefined;
      });
    }
    return this.held.catalog;
  }

  private async load(): Promise<Catalog> {
    const [events, offered, rewards] = await Promise.all([
      this.events.find({}, { name: 1, status: 1, day: 1 }).lean<CatalogEvent[]>().exec(),
      this.eventRewards.find({}, { eventId: 1 }).lean<Pick<EventRewardRecord, 'eventId'>[]>().exec(),
      this.rewards.find({}, { type: 1, createdAt: 1 }).lean<CatalogReward[]>().exec(),
    ]);
    const rewardsPerEvent = new Map<string, number>();
    for (const { eventId } of offered) {
      const id = eventId.toHexString();
      rewardsPerEvent.set(id, (rewardsPerEvent.get(id) ?? 0) + 1);
    }
    return { events, rewardsPerEvent, rewards };
  }
}
