import { index, modelOptions, prop } from '@typegoose/typegoose';
import { Types } from 'mongoose';
import { RequestStatus } from './request-status';

export class StatusChange {
  @prop({ required: true, enum: RequestStatus, type: String })
  status!: RequestStatus;

  /** A user id, or "system" for decisions the platform made itself. */
  @prop({ required: true })
  by!: string;

  @prop({ required: true })
  at!: Date;

  @prop({ type: String, default: null })
  reason!: string | null;
}

@modelOptions({ schemaOptions: { collection: 'reward_requests', timestamps: true } })
@index({ userId: 1, idempotencyKey: 1 }, { unique: true, name: 'request_idempotency' })
@index({ userId: 1, _id: -1 }, { name: 'user_newest' })
@index({ eventId: 1, status: 1 }, { name: 'event_status' })
@index({ status: 1, _id: -1 }, { name: 'status_newest' })
@index({ day: 1, status: 1 }, { name: 'day_status' })
// The UPDATED_AT order (RewardRequestOrderField) of each list: a player's, a status queue, all.
@index({ userId: 1, updatedAt: -1, _id: -1 }, { name: 'user_updated' })
@index({ status: 1, updatedAt: -1, _id: -1 }, { name: 'status_updated' })
@index({ updatedAt: -1, _id: -1 }, { name: 'updated_newest' })
export class RewardRequestRecord {
  _id!: Types.ObjectId;

  @prop({ required: true, type: () => Types.ObjectId })
  eventId!: Types.ObjectId;

  @prop({ required: true, type: () => Types.ObjectId })
  rewardId!: Types.ObjectId;

  @prop({ required: true, type: () => Types.ObjectId })
  eventRewardId!: Types.ObjectId;

  /** The requesting user's id (an auth `User`). */
  @prop({ required: true })
  userId!: string;

  /**
   * The client's key for this request, or the request's own id when none was given:
   * one request per user and key, whatever the retries.
   */
  @prop({ required: true })
  idempotencyKey!: string;

  @prop({ required: true, enum: RequestStatus, type: String })
  status!: RequestStatus;

  /** Why it was rejected, or the reviewer's note. */
  @prop({ type: String, default: null })
  reason!: string | null;

  @prop({ type: () => [StatusChange], default: [] })
  history!: StatusChange[];

  /** UTC day of the request: the analytics date bucket. */
  @prop({ required: true })
  day!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
