import { index, modelOptions, prop } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { Role } from '@rewardgraph/service-kit';

@modelOptions({ schemaOptions: { collection: 'users', timestamps: true } })
@index({ email: 1 }, { unique: true, name: 'email_unique' })
export class UserRecord {
  _id!: Types.ObjectId;

  /** Stored lower-cased, so the unique index also refuses case variants. */
  @prop({ required: true, lowercase: true, trim: true })
  email!: string;

  @prop({ required: true })
  passwordHash!: string;

  @prop({ type: () => [String], enum: Role, default: [Role.USER] })
  roles!: Role[];

  createdAt!: Date;
  updatedAt!: Date;
}
