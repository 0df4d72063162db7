import { registerEnumType } from 'type-graphql';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'ASC: smallest, oldest or A first; DESC: largest, newest or Z first',
});

/**
 * How a list is sorted: by one field of its documents, then by `_id` in the same
 * direction, so that two documents with the same value still have a fixed order and a
 * cursor names one place in the list. `field: '_id'` sorts by `_id` alone (creation order).
 */
export interface SortOrder {
  field: string;
  direction: OrderDirection;
}

/** The default of every list: newest first. */
export const NEWEST_FIRST: SortOrder = { field: '_id', direction: OrderDirection.DESC };

/**
 * The sort order of a list's `orderBy` input, from the document field each order field
 * names; no input means newest first.
 */
export const sortOrderBy =
  <F extends string>(fields: Record<F, string>) =>
  (order?: { field: F; direction: OrderDirection } | null): SortOrder =>
    order ? { field: fields[order.field], direction: order.direction } : NEWEST_FIRST;
