import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CacheControl, Connection } from '@rewardgraph/service-kit';
import { EventStatus } from './event-status';
import { type EventRecord, isEventOpen } from './event.model';

@ObjectType({ description: 'A time-boxed event players take part in' })
@Directive('@key(fields: "id")')
@CacheControl({ inheritMaxAge: true })
export class Event {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Rule every player must meet; null = none' })
  condition!: Record<string, unknown> | null;

  @Field()
  periodStart!: Date;

  @Field()
  periodEnd!: Date;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field({ description: 'ACTIVE and now within the period' })
  isOpen!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
@CacheControl({ inheritMaxAge: true })
export class EventConnection extends Connection(Event) {}

export const toEvent = (record: EventRecord, now = new Date()): Event => ({
  id: record._id.toHexString(),
  name: record.name,
  description: record.description,
  condition: record.condition,
  periodStart: record.periodStart,
  periodEnd: record.periodEnd,
  status: record.status,
  isOpen: isEventOpen(record, now),
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
});
