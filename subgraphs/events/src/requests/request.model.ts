import { index, modelOptions, prop } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { RequestStatus } from './request-status';

@modelOptions({ schemaOptions: { collection: 'reward_requests', timestamps: true } })
@index({ userId: 1, _id: -1 }, { name: 'user_newest' })
@index({ eventId: 1, status: 1 }, { name: 'event_status' })
export class RewardRequestRecord {
  _id!: Types.ObjectId;

  @prop({ required: true })
  eventId!: Types.ObjectId;

  @prop({ required: true })
  rewardId!: Types.ObjectId;

  /** The requesting user's id (an auth `User`). */
  @prop({ required: true })
  userId!: string;

  @prop({ required: true, enum: RequestStatus, type: String })
  status!: RequestStatus;

  /** Why it was rejected, or the reviewer's note. */
  @prop({ type: String, default: null })
  reason!: string | null;

  createdAt!: Date;
  updatedAt!: Date;
}
