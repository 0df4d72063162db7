import { type ReturnModelType } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import {
  conflict,
  isDuplicateKey,
  notFound,
  readEach,
  toObjectId,
  type Identity,
} from '@rewardgraph/service-kit';
import { coalescedReads } from '../batching/coalesced-reads';
import { type ReadCache } from '../cache/read-cache';
import { conditionToJson } from '../conditions/condition';
import { conditionFromInput } from '../conditions/condition-input';
import { type EventService } from '../events/event.service';
import { type RewardService } from '../rewards/reward.service';
import { type GrantService } from '../requests/grant.service';
import { type EventRewardRecord } from './event-reward.model';
import { type AddEventRewardInput, type UpdateEventRewardInput } from './event-reward.input';

export type EventRewardModel = ReturnModelType<typeof EventRewardRecord>;
const cacheKey = (eventId: string) => `event-rewards:${eventId}`;

export class EventRewardService {
  /** Straight from the database: what a grant decision must see, never a cached copy. */
  readonly findForDecision: (eventId: string, rewardId: string) => Promise<EventRewardRecord | null>;

  constructor(
    private readonly eventRewards: EventRewardModel,
    private readonly grants: GrantService,
    private readonly events: EventService,
    private readonly rewards: RewardService,
    private readonly cache: ReadCache,
  ) {
    const read = coalescedReads(
      ({ eventId, rewardId }: { eventId: string; rewardId: string }) =>
        this.eventRewards
          .findOne({ eventId: toObjectId(eventId, 'eventId'), rewardId: toObjectId(rewardId, 'rewardId') })
          .lean<EventRewardRecord>()
          .exec(),
      ({ eventId, rewardId }) => `${eventId}:${rewardId}`,
    );
    this.findForDecision = (eventId, rewardId) => read({ eventId, rewardId });
  }

  async listForEvent(eventId: string): Promise<EventRewardRecord[]> {
    return (await this.listForEvents([eventId]))[0];
  }

  /** The rewards of several events (a list's `Event.rewards`): one cache round trip, one read for the misses. */
  listForEvents(eventIds: readonly string[]): Promise<EventRewardRecord[][]> {
    return this.cache.getMany(eventIds.map(cacheKey), async (missing) => {
      const ids = missing.map((i) => eventIds[i]);
      const found = await readEach(ids, (id) =>
        this.eventRewards
          .find({ eventId: toObjectId(id, 'eventId') })
          .sort({ _id: 1 })
          .lean<EventRewardRecord[]>()
          .exec(),
      );
      return ids.map((id) => found.filter((eventReward) => eventReward.eventId.toHexString() === id));
    });
  }

  /** The rewards of an event the viewer may see; none for an event hidden from them. */
  async listVisible(eventId: string, viewer: Identity): Promise<EventRewardRecord[]> {
    if (!(await this.events.findVisible(eventId, viewer))) return [];
    return this.listForEvent(eventId);
  }

  findById(id: Types.ObjectId): Promise<EventRewardRecord | null> {
    return this.eventRewards.findById(id).lean<EventRewardRecord>().exec();
  }

  async find(eventId: string, rewardId: string): Promise<EventRewardRecord | null> {
    return (await this.listForEvent(eventId)).find((er) => er.rewardId.toHexString() === rewardId) ?? null;
  }

  async get(eventId: string, rewardId: string): Promise<EventRewardRecord> {
    const found = await this.find(eventId, rewardId);
    if (!found) throw notFound('This reward on this event');
    return found;
  }

  async add(eventId: string, input: AddEventRewardInput): Promise<EventRewardRecord> {
    const condition = conditionToJson(conditionFromInput(input.condition));
    if (!(await this.events.findById(eventId))) throw notFound('Event');
    if (!(await this.rewards.findById(input.rewardId))) throw notFound('Reward');
    try {
      const created = await this.eventRewards.create({
        eventId: toObjectId(eventId, 'eventId'),
        rewardId: toObjectId(input.rewardId, 'rewardId'),
        condition,
        autoResolve: input.autoResolve,
        stock: input.stock ?? null,
        perUserLimit: input.perUserLimit,
      });
      await this.cache.invalidate([cacheKey(eventId)]);
      const eventReward: EventRewardRecord = created.toObject();
      // The reward may have been deleted since it was read (RewardService.delete checks the other order).
      if (!(await this.rewards.findById(input.rewardId))) {
        await this.eventRewards.deleteOne({ _id: eventReward._id }).exec();
        await this.cache.invalidate([cacheKey(eventId)]);
        throw notFound('Reward');
      }
      await this.grants.prepare(eventReward);
      return eventReward;
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('This reward is already attached to this event');
      throw error;
    }
  }

  /** Limits cannot drop below a unit already held (see GrantService.assertFits). */
  async update(eventId: string, rewardId: string, input: UpdateEventRewardInput): Promise<EventRewardRecord> {
    const current = await this.findForDecision(eventId, rewardId);
    if (!current) throw notFound('This reward on this event');
    const set: Partial<EventRewardRecord> = {};
    if (input.condition !== undefined) set.condition = conditionToJson(conditionFromInput(input.condition));
    if (input.autoResolve !== undefined && input.autoResolve !== null) set.autoResolve = input.autoResolve;
    if (input.perUserLimit !== undefined && input.perUserLimit !== null)
      set.perUserLimit = input.perUserLimit;
    if (input.stock !== undefined) set.stock = input.stock;
    const updated = { ...current, ...set, updatedAt: new Date() };
    await this.grants.assertFits(current, updated);
    await this.eventRewards.updateOne({ _id: current._id }, { $set: set }).exec();
    await this.cache.invalidate([cacheKey(eventId)]);
    await this.grants.prepare(updated);
    return updated;
  }

  async remove(eventId: string, rewardId: string): Promise<EventRewardRecord> {
    const current = await this.get(eventId, rewardId);
    await this.eventRewards.deleteOne({ _id: current._id }).exec();
    await this.cache.invalidate([cacheKey(eventId)]);
    return current;
  }

  async removeAllOf(eventId: string): Promise<void> {
    await this.eventRewards.deleteMany({ eventId: toObjectId(eventId, 'eventId') }).exec();
    await this.cache.invalidate([cacheKey(eventId)]);
  }
}
