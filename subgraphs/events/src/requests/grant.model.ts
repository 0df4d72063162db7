import { index, modelOptions, prop } from '@typegoose/typegoose';
import { Types } from 'mongoose';
import { RequestStatus } from './request-status';

/**
 * The invariants of granting, each held by an insert under a unique index (atomic on
 * FerretDB and MongoDB alike, where a conditional update is not):
 * a user's n-th claim on an event reward (n ≤ perUserLimit) …
 */
@modelOptions({ schemaOptions: { collection: 'claims' } })
@index({ eventRewardId: 1, userId: 1, n: 1 }, { unique: true, name: 'claim_unique' })
@index({ requestId: 1 }, { name: 'claim_request' })
export class ClaimRecord {
  @prop({ required: true, type: () => Types.ObjectId })
  eventRewardId!: Types.ObjectId;

  @prop({ required: true })
  userId!: string;

  @prop({ required: true })
  n!: number;

  @prop({ required: true, type: () => Types.ObjectId })
  requestId!: Types.ObjectId;
}

/** … and the seq-th unit of an event reward's stock (seq ≤ stock). */
@modelOptions({ schemaOptions: { collection: 'stock_slots' } })
@index({ eventRewardId: 1, seq: 1 }, { unique: true, name: 'slot_unique' })
@index({ requestId: 1 }, { name: 'slot_request' })
export class StockSlotRecord {
  @prop({ required: true, type: () => Types.ObjectId })
  eventRewardId!: Types.ObjectId;

  @prop({ required: true })
  seq!: number;

  @prop({ required: true, type: () => Types.ObjectId })
  requestId!: Types.ObjectId;
}

/**
 * The decision on a PENDING request, by a reviewer or by the platform (event deleted,
 * reward removed). The first insert wins; `applied` turns true once the request, its
 * claim and slot, and its payout all agree with it, and the recovery worker applies
 * any review a crash left unapplied.
 */
@modelOptions({ schemaOptions: { collection: 'reviews' } })
@index({ requestId: 1 }, { unique: true, name: 'review_unique' })
@index({ applied: 1 }, { name: 'review_applied' })
export class ReviewRecord {
  _id!: Types.ObjectId;

  @prop({ required: true, type: () => Types.ObjectId })
  requestId!: Types.ObjectId;

  @prop({ required: true, enum: [RequestStatus.APPROVED, RequestStatus.REJECTED], type: String })
  status!: RequestStatus.APPROVED | RequestStatus.REJECTED;

  @prop({ type: String, default: null })
  reason!: string | null;

  /** The reviewer's user id, or "system". */
  @prop({ required: true })
  reviewerId!: string;

  @prop({ required: true })
  at!: Date;

  @prop({ required: true, default: false })
  applied!: boolean;
}
