import { Field, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection, sortOrderBy } from '@rewardgraph/service-kit';

export enum RewardRequestOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}

registerEnumType(RewardRequestOrderField, {
  name: 'RewardRequestOrderField',
  description: 'What reward requests are sorted by; ties keep creation order',
  valuesConfig: { UPDATED_AT: { description: 'The last status change (or the request itself)' } },
});

@InputType({ description: 'How a list of reward requests is sorted' })
export class RewardRequestOrder {
  @Field(() => RewardRequestOrderField)
  field!: RewardRequestOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction: OrderDirection = OrderDirection.DESC;
}

/** Creation order is `_id` order (an ObjectId starts with its time). */
export const requestSortOrder = sortOrderBy<RewardRequestOrderField>({
  [RewardRequestOrderField.CREATED_AT]: '_id',
  [RewardRequestOrderField.UPDATED_AT]: 'updatedAt',
});
