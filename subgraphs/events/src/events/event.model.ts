import { index, modelOptions, prop, Severity } from '@typegoose/typegoose';
import { type Types } from 'mongoose';
import { dayOf } from '@rewardgraph/service-kit';
import { EventStatus } from './event-status';

@modelOptions({
  schemaOptions: { collection: 'events', timestamps: true },
  options: { allowMixed: Severity.ALLOW },
})
@index({ status: 1, periodEnd: 1 }, { name: 'status_period_end' })
@index({ day: 1 }, { name: 'event_day' })
// One per order of `events` (EventOrderField), with and without the status players always filter on.
@index({ status: 1, _id: -1 }, { name: 'status_newest' })
@index({ status: 1, periodStart: 1, _id: 1 }, { name: 'status_period_start' })
@index({ status: 1, name: 1, _id: 1 }, { name: 'status_name' })
@index({ periodStart: 1, _id: 1 }, { name: 'period_start' })
@index({ name: 1, _id: 1 }, { name: 'name_order' })
export class EventRecord {
  _id!: Types.ObjectId;

  @prop({ required: true, trim: true })
  name!: string;

  @prop({ default: '' })
  description!: string;

  /** A condition rule (see conditions/), or null when every player qualifies. */
  @prop({ type: () => Object, default: null })
  condition!: Record<string, unknown> | null;

  @prop({ required: true })
  periodStart!: Date;

  @prop({ required: true })
  periodEnd!: Date;

  @prop({ required: true, enum: EventStatus, type: String, default: EventStatus.DRAFT })
  status!: EventStatus;

  /** UTC day of creation: the analytics date bucket. */
  @prop({ required: true, default: () => dayOf(new Date()) })
  day!: string;

  /** The user id of whoever created the event (an auth `User`). */
  @prop({ required: true })
  createdBy!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

/** Open = ACTIVE and now within [periodStart, periodEnd). */
export const isEventOpen = (
  event: Pick<EventRecord, 'status' | 'periodStart' | 'periodEnd'>,
  now = new Date(),
) => event.status === EventStatus.ACTIVE && event.periodStart <= now && now < event.periodEnd;

/** Seconds until `isEventOpen` may next change for any of these events: the next period start or end. */
export function secondsUntilOpenChanges(
  events: Pick<EventRecord, 'periodStart' | 'periodEnd'>[],
  now: Date,
): number {
  const ahead = events
    .flatMap((event) => [event.periodStart.getTime(), event.periodEnd.getTime()])
    .map((at) => at - now.getTime())
    .filter((ms) => ms > 0);
  return Math.min(Infinity, ...ahead) / 1000;
}
