import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection, sortOrderBy } from '@rewardgraph/service-kit';

export enum EventOrderField {
  CREATED_AT = 'CREATED_AT',
  PERIOD_START = 'PERIOD_START',
  NAME = 'NAME',
}

registerEnumType(EventOrderField, {
  name: 'EventOrderField',
  description: 'What events are sorted by; ties keep creation order',
  valuesConfig: {
    NAME: { description: 'The name as stored, compared character by character (upper case before lower)' },
  },
});

@InputType({ description: 'How a list of events is sorted' })
export class EventOrder {
  @Field(() => EventOrderField)
  field!: EventOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction: OrderDirection = OrderDirection.DESC;
}

/** The document field of each order; creation order is `_id` order (an ObjectId starts with its time). */
export const eventSortOrder = sortOrderBy<EventOrderField>({
  [EventOrderField.CREATED_AT]: '_id',
  [EventOrderField.PERIOD_START]: 'periodStart',
  [EventOrderField.NAME]: 'name',
});
