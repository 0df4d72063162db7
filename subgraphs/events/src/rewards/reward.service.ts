import {
  badInput,
  inIdOrder,
  paginate,
  toObjectId,
  type Page,
  type PageArgs,
} from '@rewardgraph/service-kit';
import { coalescedReads } from '../batching/coalesced-reads';
import { RewardType } from './reward-type';
import { type AnyRewardRecord, type RewardModels } from './reward.model';
import { type CreateRewardInput, type RewardFilter } from './reward.input';

/** The fields each type requires; every other type-specific field is refused. */
export const FIELDS_BY_TYPE: Record<RewardType, (keyof CreateRewardInput)[]> = {
  [RewardType.POINT]: ['points'],
  [RewardType.ITEM]: ['itemId', 'quantity'],
  [RewardType.COUPON]: ['couponCode', 'expiry'],
  [RewardType.BADGE]: ['badgeId'],
};
const ALL_TYPED_FIELDS = [...new Set(Object.values(FIELDS_BY_TYPE).flat())];

export function typedFields(input: CreateRewardInput): Record<string, unknown> {
  const wanted = FIELDS_BY_TYPE[input.type];
  for (const field of ALL_TYPED_FIELDS) {
    const given = input[field] !== undefined && input[field] !== null;
    if (wanted.includes(field) && !given)
      throw badInput(`${field} is required for a ${input.type} reward`, field);
    if (!wanted.includes(field) && given)
      throw badInput(`${field} does not belong to a ${input.type} reward`, field);
  }
  return Object.fromEntries(wanted.map((field) => [field, input[field]]));
}

export class RewardService {
  /** Concurrent reads of one reward (a storm paying the same one) share a database read. */
  readonly findById: (id: string) => Promise<AnyRewardRecord | null>;

  constructor(private readonly models: RewardModels) {
    this.findById = coalescedReads((id: string) =>
      this.models.base.findById(toObjectId(id, 'rewardId')).lean<AnyRewardRecord>().exec(),
    );
  }

  async create(input: CreateRewardInput): Promise<AnyRewardRecord> {
    const fields = typedFields(input);
    const created = await this.models.byType[input.type].create({ name: input.name, ...fields });
    return created.toObject() as AnyRewardRecord;
  }

  list(filter: RewardFilter = {}, page: PageArgs): Promise<Page<AnyRewardRecord>> {
    return paginate(this.models.base, filter.type ? { type: filter.type } : {}, page) as Promise<
      Page<AnyRewardRecord>
    >;
  }

  /** For DataLoader: rewards by id, in the order asked. */
  async findMany(ids: readonly string[]): Promise<(AnyRewardRecord | null)[]> {
    const found = await this.models.base
      .find({ _id: { $in: ids } })
      .lean<AnyRewardRecord[]>()
      .exec();
    return inIdOrder(ids, found);
  }
}
