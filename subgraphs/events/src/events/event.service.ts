import { type ReturnModelType } from '@typegoose/typegoose';
import { type QueryFilter } from 'mongoose';
import {
  allOf,
  badInput,
  notFound,
  paginate,
  readByIds,
  toObjectId,
  type Identity,
  type Page,
  type PageArgs,
} from '@rewardgraph/service-kit';
import { coalescedReads } from '../batching/coalesced-reads';
import { type ReadCache } from '../cache/read-cache';
import { conditionToJson } from '../conditions/condition';
import { conditionFromInput } from '../conditions/condition-input';
import { type EventOrder, eventSortOrder } from './event-order';
import { EventStatus } from './event-status';
import { isEventVisibleTo, seesEveryEvent, visibleEventsQuery } from './event-visibility';
import { type EventRecord, secondsUntilOpenChanges } from './event.model';
import { type CreateEventInput, type EventFilter, type UpdateEventInput } from './event.input';

export type EventModel = ReturnModelType<typeof EventRecord>;

export function assertPeriod(periodStart: Date, periodEnd: Date): void {
  if (!(periodEnd > periodStart)) throw badInput('periodEnd must be after periodStart', 'periodEnd');
}

/** The text matched literally: a search for `a.b` or `(` is not a pattern. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Mongo filter for an EventFilter; "open" is computed against `now`. */
export function eventFilterQuery(filter: EventFilter = {}, now = new Date()): QueryFilter<EventRecord> {
  const parts: QueryFilter<EventRecord>[] = [];
  if (filter.status) parts.push({ status: filter.status });
  if (filter.search) parts.push({ name: { $regex: escapeRegExp(filter.search), $options: 'i' } });
  if (filter.isOpen === true) {
    parts.push({ status: EventStatus.ACTIVE, periodStart: { $lte: now }, periodEnd: { $gt: now } });
  } else if (filter.isOpen === false) {
    parts.push({
      $or: [
        { status: { $ne: EventStatus.ACTIVE } },
        { periodStart: { $gt: now } },
        { periodEnd: { $lte: now } },
      ],
    });
  }
  return allOf(...parts);
}

const eventKey = (id: string) => `event:${id}`;
const EVENT_LISTS = 'events';

export class EventService {
  /** Straight from the database: what a grant decision must see, never a cached copy. */
  readonly findForDecision: (id: string) => Promise<EventRecord | null>;

  constructor(
    private readonly events: EventModel,
    private readonly cache: ReadCache,
  ) {
    this.findForDecision = coalescedReads((id: string) =>
      this.events.findById(toObjectId(id, 'eventId')).lean<EventRecord>().exec(),
    );
  }

  async create(input: CreateEventInput, actor: Identity): Promise<EventRecord> {
    assertPeriod(input.periodStart, input.periodEnd);
    const condition = conditionToJson(conditionFromInput(input.condition));
    const created = await this.events.create({
      name: input.name,
      description: input.description ?? '',
      condition,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      status: input.status,
      createdBy: actor.userId,
    });
    await this.cache.invalidate([], [EVENT_LISTS]);
    return created.toObject();
  }

  async update(id: string, input: UpdateEventInput): Promise<EventRecord> {
    const current = await this.get(id);
    const set: Partial<EventRecord> = {};
    if (input.name !== undefined && input.name !== null) set.name = input.name;
    if (input.description !== undefined && input.description !== null) set.description = input.description;
    if (input.status !== undefined && input.status !== null) set.status = input.status;
    if (input.periodStart) set.periodStart = input.periodStart;
    if (input.periodEnd) set.periodEnd = input.periodEnd;
    if (input.condition !== undefined) set.condition = conditionToJson(conditionFromInput(input.condition));
    assertPeriod(set.periodStart ?? current.periodStart, set.periodEnd ?? current.periodEnd);
    await this.events.updateOne({ _id: current._id }, { $set: set }).exec();
    await this.cache.invalidate([eventKey(id)], [EVENT_LISTS]);
    return { ...current, ...set, updatedAt: new Date() };
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.events.deleteOne({ _id: toObjectId(id) }).exec();
    await this.cache.invalidate([eventKey(id)], [EVENT_LISTS]);
    return result.deletedCount > 0;
  }

  /**
   * Seconds until any event's `isOpen` may next change: how long an answer filtered on it
   * holds. Read from the periods of every ACTIVE event (the status index, as the list
   * filtered on `isOpen` reads them), cached with the lists, so a write renews it.
   */
  private async secondsUntilAnyOpenChanges(now: Date): Promise<number> {
    const periods = await this.cache.get(await this.cache.listKey(EVENT_LISTS, { periods: 'active' }), () =>
      this.events
        .find({ status: EventStatus.ACTIVE }, { periodStart: 1, periodEnd: 1 })
        .lean<Pick<EventRecord, 'periodStart' | 'periodEnd'>[]>()
        .exec(),
    );
    return secondsUntilOpenChanges(periods, now);
  }

  /**
   * The events a viewer may see, as of `at`, and for how many seconds an answer showing
   * them holds without a write: until the next period start or end among them, or, for a
   * list filtered on "open now", among all ACTIVE events (one beyond the page may open).
   * The key names the viewer's scope, so a list cached for staff is never served to a
   * player; a list filtered on "open now" is kept no longer than its answer holds.
   */
  async list(
    filter: EventFilter | undefined,
    page: PageArgs,
    viewer: Identity,
    orderBy?: EventOrder | null,
  ): Promise<{ page: Page<EventRecord>; at: Date; secondsValid: number }> {
    const at = new Date();
    const query = allOf<QueryFilter<EventRecord>>(eventFilterQuery(filter, at), visibleEventsQuery(viewer));
    const order = eventSortOrder(orderBy);
    const scope = seesEveryEvent(viewer) ? 'all' : 'active';
    const key = await this.cache.listKey(EVENT_LISTS, {
      scope,
      filter,
      order,
      first: page.first,
      after: page.after,
    });
    const load = () => paginate(this.events, query, page, order);
    if (filter?.isOpen === undefined || filter.isOpen === null) {
      const found = await this.cache.get(key, load);
      return { page: found, at, secondsValid: secondsUntilOpenChanges(found.nodes, at) };
    }
    const secondsValid = await this.secondsUntilAnyOpenChanges(at);
    const validUntil = Number.isFinite(secondsValid)
      ? new Date(at.getTime() + secondsValid * 1000)
      : undefined;
    return { page: await this.cache.get(key, load, validUntil), at, secondsValid };
  }

  /** The event, or null when it does not exist or the viewer may not see it. */
  async findVisible(id: string, viewer: Identity): Promise<EventRecord | null> {
    const event = await this.findById(id);
    return event && isEventVisibleTo(event, viewer) ? event : null;
  }

  findById(id: string): Promise<EventRecord | null> {
    const _id = toObjectId(id, 'eventId');
    return this.cache.get(eventKey(id), () => this.events.findById(_id).lean<EventRecord>().exec());
  }

  async get(id: string): Promise<EventRecord> {
    const event = await this.findById(id);
    if (!event) throw notFound('Event');
    return event;
  }

  /**
   * For DataLoader: events by id, in the order asked, through the read cache (the GETs in
   * one round trip; the misses read from event-db and kept, as `findById` keeps them).
   */
  async findMany(ids: readonly string[]): Promise<(EventRecord | null)[]> {
    return this.cache.getMany(ids.map(eventKey), (missing) =>
      readByIds<EventRecord>(
        this.events,
        missing.map((index) => ids[index]),
      ),
    );
  }
}
