import { index, modelOptions, prop, Severity } from '@typegoose/typegoose';
import { Types } from 'mongoose';

/** A catalog reward attached to an event, at most once (unique event + reward). */
@modelOptions({
  schemaOptions: { collection: 'event_rewards', timestamps: true },
  options: { allowMixed: Severity.ALLOW },
})
@index({ eventId: 1, rewardId: 1 }, { unique: true, name: 'event_reward_unique' })
@index({ rewardId: 1 }, { name: 'reward_events' })
export class EventRewardRecord {
  _id!: Types.ObjectId;

  @prop({ required: true, type: () => Types.ObjectId })
  eventId!: Types.ObjectId;

  @prop({ required: true, type: () => Types.ObjectId })
  rewardId!: Types.ObjectId;

  @prop({ type: () => Object, default: null })
  condition!: Record<string, unknown> | null;

  @prop({ required: true, default: false })
  autoResolve!: boolean;

  /** How many may ever be granted; null = unlimited. */
  @prop({ type: Number, default: null })
  stock!: number | null;

  @prop({ required: true, default: 1 })
  perUserLimit!: number;

  createdAt!: Date;
  updatedAt!: Date;
}
