import {
  getDiscriminatorModelForClass,
  index,
  modelOptions,
  prop,
  type ReturnModelType,
} from '@typegoose/typegoose';
import { type Connection, type Types } from 'mongoose';
import { modelOn } from '@rewardgraph/service-kit';
import { RewardType } from './reward-type';

/**
 * The catalog: one collection, one class per type (mongoose discriminators on `type`).
 * Indexes are declared here, on the base class: mongoose gives discriminator-class
 * indexes a partial filter, which FerretDB refuses, and the failure would be silent.
 */
@modelOptions({ schemaOptions: { collection: 'rewards', timestamps: true, discriminatorKey: 'type' } })
@index({ type: 1, _id: -1 }, { name: 'type_newest' })
@index({ createdAt: 1 }, { name: 'reward_created' })
export class RewardRecord {
  _id!: Types.ObjectId;

  @prop({ required: true, enum: RewardType, type: String })
  type!: RewardType;

  @prop({ required: true, trim: true })
  name!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export class PointRewardRecord extends RewardRecord {
  @prop({ required: true, min: 1 })
  points!: number;
}

export class ItemRewardRecord extends RewardRecord {
  @prop({ required: true })
  itemId!: string;

  @prop({ required: true, min: 1 })
  quantity!: number;
}

export class CouponRewardRecord extends RewardRecord {
  @prop({ required: true })
  couponCode!: string;

  @prop({ required: true })
  expiry!: Date;
}

export class BadgeRewardRecord extends RewardRecord {
  @prop({ required: true })
  badgeId!: string;
}

export type AnyRewardRecord = RewardRecord &
  Partial<
    Omit<PointRewardRecord & ItemRewardRecord & CouponRewardRecord & BadgeRewardRecord, keyof RewardRecord>
  >;

export interface RewardModels {
  base: ReturnModelType<typeof RewardRecord>;
  byType: Record<RewardType, ReturnModelType<typeof RewardRecord>>;
}

export function rewardModelsOn(connection: Connection): RewardModels {
  const base = modelOn(connection, RewardRecord);
  const discriminator = (cls: typeof RewardRecord, type: RewardType) =>
    getDiscriminatorModelForClass(base, cls, type, {
      options: { disableCaching: true },
    }) as unknown as ReturnModelType<typeof RewardRecord>;
  return {
    base,
    byType: {
      [RewardType.POINT]: discriminator(PointRewardRecord, RewardType.POINT),
      [RewardType.ITEM]: discriminator(ItemRewardRecord, RewardType.ITEM),
      [RewardType.COUPON]: discriminator(CouponRewardRecord, RewardType.COUPON),
      [RewardType.BADGE]: discriminator(BadgeRewardRecord, RewardType.BADGE),
    },
  };
}
