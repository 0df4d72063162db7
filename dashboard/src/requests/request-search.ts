import {
  OrderDirection,
  RequestStatus,
  RewardRequestOrderField,
  type RewardRequestFilter,
  type RewardRequestOrder,
} from '@rewardgraph/api-client';
import dayjs from 'dayjs';

/** The request search as kept in the address; dates are days ("2026-11-25") in local time. */
export const REQUEST_SEARCH_KEYS = ['status', 'event', 'player', 'from', 'to', 'order', 'direction'] as const;
export type RequestSearch = Record<(typeof REQUEST_SEARCH_KEYS)[number], string>;

const oneOf = <T extends string>(values: Record<string, T>, value: string): T | undefined =>
  (Object.values(values) as string[]).includes(value) ? (value as T) : undefined;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Midnight of that day where the operator is (dayjs reads "YYYY-MM-DD" as local). */
const day = (value: string) => (DAY.test(value) && dayjs(value).isValid() ? dayjs(value) : undefined);

export const orderOf = (search: RequestSearch): RewardRequestOrder => ({
  field: oneOf(RewardRequestOrderField, search.order) ?? RewardRequestOrderField.CREATED_AT,
  direction: oneOf(OrderDirection, search.direction) ?? OrderDirection.DESC,
});

/**
 * The API's filter for a search: "to" is the last day shown, so the filter ends (it is
 * exclusive) at the start of the next day. Values the address cannot mean are left out.
 */
export function filterOf(search: RequestSearch, userId: string | undefined): RewardRequestFilter {
  return {
    status: oneOf(RequestStatus, search.status),
    eventId: search.event || undefined,
    userId,
    from: day(search.from)?.toISOString(),
    to: day(search.to)?.add(1, 'day').toISOString(),
  };
}
