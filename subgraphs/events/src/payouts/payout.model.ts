import { index, modelOptions, prop } from '@typegoose/typegoose';
import { Types } from 'mongoose';
import { RewardType } from '../rewards/reward-type';

/**
 * The ledger: what an approved request paid, once (the unique request id makes a second
 * payout impossible). Wallets are folded from it (never incremented in place, which
 * FerretDB could lose under concurrency).
 */
@modelOptions({ schemaOptions: { collection: 'payouts' } })
@index({ requestId: 1 }, { unique: true, name: 'payout_unique' })
@index({ userId: 1, fold: 1 }, { name: 'payout_user_fold' })
export class PayoutRecord {
  _id!: Types.ObjectId;

  @prop({ required: true, type: () => Types.ObjectId })
  requestId!: Types.ObjectId;

  @prop({ required: true })
  userId!: string;

  @prop({ required: true, enum: RewardType, type: String })
  type!: RewardType;

  @prop({ type: Number, default: 0 })
  points!: number;

  @prop({ type: String, default: null })
  itemId!: string | null;

  @prop({ type: Number, default: 0 })
  quantity!: number;

  @prop({ type: String, default: null })
  couponCode!: string | null;

  @prop({ type: Date, default: null })
  expiry!: Date | null;

  @prop({ type: String, default: null })
  badgeId!: string | null;

  @prop({ required: true })
  paidAt!: Date;

  /** The wallet version that folded this payout in; 0 until then. */
  @prop({ required: true, default: 0 })
  fold!: number;
}
