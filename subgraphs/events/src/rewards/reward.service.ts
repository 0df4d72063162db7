import {
  badInput,
  conflict,
  notFound,
  paginate,
  readByIds,
  toObjectId,
  type Page,
  type PageArgs,
} from '@rewardgraph/service-kit';
import { coalescedReads } from '../batching/coalesced-reads';
import { type ReadCache } from '../cache/read-cache';
import { RewardType } from './reward-type';
import { type AnyRewardRecord, type RewardModels } from './reward.model';
import { type CreateRewardInput, type RewardFilter, type UpdateRewardInput } from './reward.input';
import { type EventRewardModel } from '../event-rewards/event-reward.service';

const rewardKey = (id: string) => `reward:${id}`;

/** The fields each type requires; every other type-specific field is refused. */
export const FIELDS_BY_TYPE: Record<RewardType, TypedField[]> = {
  [RewardType.POINT]: ['points'],
  [RewardType.ITEM]: ['itemId', 'quantity'],
  [RewardType.COUPON]: ['couponCode', 'expiry'],
  [RewardType.BADGE]: ['badgeId'],
};
type TypedField = Exclude<keyof UpdateRewardInput, 'name'>;
const ALL_TYPED_FIELDS = [...new Set(Object.values(FIELDS_BY_TYPE).flat())];

/**
 * The type-specific fields of an input for a reward of `type`: a field of another type
 * is refused; on creation (`complete`) every field of the type is required.
 */
export function typedFields(
  type: RewardType,
  input: UpdateRewardInput,
  complete: boolean,
): Record<string, unknown> {
  const wanted = FIELDS_BY_TYPE[type];
  const given = (field: TypedField) => input[field] !== undefined && input[field] !== null;
  for (const field of ALL_TYPED_FIELDS) {
    if (!wanted.includes(field) && given(field))
      throw badInput(`${field} does not belong to a ${type} reward`, field);
    if (complete && wanted.includes(field) && !given(field))
      throw badInput(`${field} is required for a ${type} reward`, field);
  }
  return Object.fromEntries(wanted.filter(given).map((field) => [field, input[field]]));
}

export class RewardService {
  /** Concurrent reads of one reward (a storm paying the same one) share a database read. */
  readonly findById: (id: string) => Promise<AnyRewardRecord | null>;

  constructor(
    private readonly models: RewardModels,
    /** Read only to know whether an event holds a reward. */
    private readonly eventRewards: EventRewardModel,
    /** Shown rewards only (`findMany`); decisions and payouts read the database. */
    private readonly cache: ReadCache,
  ) {
    this.findById = coalescedReads((id: string) =>
      this.models.base.findById(toObjectId(id, 'rewardId')).lean<AnyRewardRecord>().exec(),
    );
  }

  async create(input: CreateRewardInput): Promise<AnyRewardRecord> {
    const fields = typedFields(input.type, input, true);
    const created = await this.models.byType[input.type].create({ name: input.name, ...fields });
    // Nothing cached holds a new reward, but analytics' copy of the catalog does (analytics/catalog-copy.ts).
    await this.cache.invalidate([]);
    return created.toObject() as AnyRewardRecord;
  }

  /**
   * Name and the type's own fields; the type never changes. Payouts already made keep
   * what they paid (the ledger copies the values); approvals from now on pay the new ones.
   */
  async update(id: string, input: UpdateRewardInput): Promise<AnyRewardRecord> {
    const current = await this.get(id);
    const set = {
      ...(input.name !== undefined && input.name !== null && { name: input.name }),
      ...typedFields(current.type, input, false),
    };
    if (Object.keys(set).length === 0) return current;
    await this.models.byType[current.type].updateOne({ _id: current._id }, { $set: set }).exec();
    await this.cache.invalidate([rewardKey(id)]);
    return { ...current, ...set, updatedAt: new Date() };
  }

  /**
   * CONFLICT while an event holds the reward. Without transactions an event may attach
   * it between the check and the delete: the check after the delete sees that event and
   * puts the reward back (addEventReward checks the reward again after attaching, for
   * the other order), so no event is left holding a deleted reward.
   */
  async delete(id: string): Promise<boolean> {
    const reward = await this.get(id);
    const held = () => this.eventRewards.exists({ rewardId: reward._id }).exec();
    const refusal = () => conflict('An event holds this reward; remove it from every event first');
    if (await held()) throw refusal();
    await this.models.base.deleteOne({ _id: reward._id }).exec();
    await this.cache.invalidate([rewardKey(id)]);
    if (await held()) {
      await this.models.base.collection.insertOne(reward);
      await this.cache.invalidate([rewardKey(id)]);
      throw refusal();
    }
    return true;
  }

  async get(id: string): Promise<AnyRewardRecord> {
    const reward = await this.findById(id);
    if (!reward) throw notFound('Reward');
    return reward;
  }

  list(filter: RewardFilter = {}, page: PageArgs): Promise<Page<AnyRewardRecord>> {
    return paginate(this.models.base, filter.type ? { type: filter.type } : {}, page) as Promise<
      Page<AnyRewardRecord>
    >;
  }

  /** For DataLoader: rewards by id, in the order asked, through the read cache (as `EventService.findMany`). */
  async findMany(ids: readonly string[]): Promise<(AnyRewardRecord | null)[]> {
    return this.cache.getMany(ids.map(rewardKey), (missing) =>
      readByIds<AnyRewardRecord>(
        this.models.base,
        missing.map((index) => ids[index]),
      ),
    );
  }
}
