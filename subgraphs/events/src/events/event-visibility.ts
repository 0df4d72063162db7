import { type QueryFilter } from 'mongoose';
import { hasAnyRole, STAFF_ROLES, type Identity } from '@rewardgraph/service-kit';
import { EventStatus } from './event-status';
import { type EventRecord } from './event.model';

/**
 * Who sees which events (product.md §2): staff see every event; players see ACTIVE ones
 * only, DRAFT and INACTIVE events are staff-only. Applied where events are read for a
 * viewer, after the read cache, which holds records shared by every viewer.
 */
export const seesEveryEvent = (viewer: Identity) => hasAnyRole(viewer, STAFF_ROLES);

export const isEventVisibleTo = (event: Pick<EventRecord, 'status'>, viewer: Identity) =>
  seesEveryEvent(viewer) || event.status === EventStatus.ACTIVE;

/** The same rule as a database filter, for lists. */
export const visibleEventsQuery = (viewer: Identity): QueryFilter<EventRecord> =>
  seesEveryEvent(viewer) ? {} : { status: EventStatus.ACTIVE };
