import { index, modelOptions, prop } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { dayOf, Role } from '@rewardgraph/service-kit';

@modelOptions({ schemaOptions: { collection: 'users', timestamps: true } })
@index({ email: 1 }, { unique: true, name: 'email_unique' })
@index({ roles: 1 }, { name: 'roles' })
@index({ signUpDay: 1 }, { name: 'sign_up_day' })
@index({ createdAt: 1 }, { name: 'user_created' })
export class UserRecord {
  _id!: Types.ObjectId;

  /** Stored lower-cased, so the unique index also refuses case variants. */
  @prop({ required: true, lowercase: true, trim: true })
  email!: string;

  @prop({ required: true })
  passwordHash!: string;

  @prop({ type: () => [String], enum: Role, default: [Role.USER] })
  roles!: Role[];

  /** Raised by every role change; access tokens carry it, older ones are revoked. */
  @prop({ required: true, default: 1 })
  tokenVersion!: number;

  /** UTC day of sign-up: the analytics date bucket. */
  @prop({ required: true, default: () => dayOf(new Date()) })
  signUpDay!: string;

  createdAt!: Date;
  updatedAt!: Date;
}
