import { index, modelOptions, prop } from '@typegoose/typegoose';
import { type Types } from 'mongoose';

/** A UTC day on which a user logged in; the unique index makes redelivered login events harmless. */
@modelOptions({ schemaOptions: { collection: 'login_days' } })
@index({ userId: 1, day: 1 }, { unique: true, name: 'login_day_unique' })
@index({ day: 1 }, { name: 'login_day' })
export class LoginDayRecord {
  @prop({ required: true })
  userId!: string;

  @prop({ required: true })
  day!: string;
}

/** Activity a game backend reported; `key` makes recording idempotent. */
@modelOptions({ schemaOptions: { collection: 'activities' } })
@index({ key: 1 }, { unique: true, name: 'activity_key_unique' })
@index({ userId: 1, name: 1, occurredAt: 1 }, { name: 'activity_user_name_time' })
@index({ day: 1 }, { name: 'activity_day' })
export class ActivityRecord {
  _id!: Types.ObjectId;

  @prop({ required: true })
  key!: string;

  @prop({ required: true })
  userId!: string;

  @prop({ required: true })
  name!: string;

  @prop({ required: true })
  amount!: number;

  @prop({ required: true })
  occurredAt!: Date;

  @prop({ required: true })
  day!: string;
}

/** Bus events already handled, by event id: a redelivered event is skipped. */
@modelOptions({ schemaOptions: { collection: 'processed_bus_events' } })
@index({ eventId: 1 }, { unique: true, name: 'processed_event_unique' })
export class ProcessedBusEventRecord {
  @prop({ required: true })
  eventId!: string;

  @prop({ required: true })
  at!: Date;
}
