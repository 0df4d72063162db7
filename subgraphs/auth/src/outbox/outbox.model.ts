import { index, modelOptions, prop, Severity } from '@typegoose/typegoose';
import { type Types } from 'mongoose';

/**
 * Domain events waiting for the relay. Only the relay updates these documents:
 * FerretDB applies an update by rewriting the whole document, so a flag kept on a
 * user document would let the relay's write undo a concurrent role change.
 */
@modelOptions({ schemaOptions: { collection: 'outbox' }, options: { allowMixed: Severity.ALLOW } })
@index({ published: 1, _id: 1 }, { name: 'unpublished' })
export class OutboxRecord {
  _id!: Types.ObjectId;

  @prop({ required: true })
  eventId!: string;

  @prop({ required: true })
  type!: string;

  @prop({ required: true })
  occurredAt!: Date;

  @prop({ type: () => Object, required: true })
  data!: Record<string, unknown>;

  /** The user document this event announces; it must exist before the event goes out. */
  @prop({ required: true })
  subjectId!: string;

  @prop({ required: true, default: false })
  published!: boolean;
}
