import { index, modelOptions, prop } from '@typegoose/typegoose';
import { type Types } from 'mongoose';

/**
 * One successful sign-in. The record is both the audit trail and the outbox of
 * `user.logged_in`: writing it is the whole change, so the event cannot be lost.
 */
@modelOptions({ schemaOptions: { collection: 'logins' } })
@index({ published: 1, _id: 1 }, { name: 'unpublished' })
@index({ userId: 1, _id: -1 }, { name: 'user_newest' })
export class LoginRecord {
  _id!: Types.ObjectId;

  @prop({ required: true })
  userId!: string;

  @prop({ required: true })
  at!: Date;

  @prop({ required: true })
  clientIp!: string;

  @prop({ required: true, default: false })
  published!: boolean;
}
