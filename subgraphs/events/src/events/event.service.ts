import { type ReturnModelType } from '@typegoose/typegoose';
import { type QueryFilter } from 'mongoose';
import {
  badInput,
  paginate,
  toObjectId,
  type Identity,
  type Page,
  type PageArgs,
} from '@rewardgraph/service-kit';
import { EventStatus } from './event-status';
import { type EventRecord } from './event.model';
import { type CreateEventInput, type EventFilter } from './event.input';

export type EventModel = ReturnModelType<typeof EventRecord>;

export function assertPeriod(periodStart: Date, periodEnd: Date): void {
  if (!(periodEnd > periodStart)) throw badInput('periodEnd must be after periodStart', 'periodEnd');
}

/** Mongo filter for an EventFilter; "open" is computed against `now`. */
export function eventFilterQuery(filter: EventFilter = {}, now = new Date()): QueryFilter<EventRecord> {
  const parts: QueryFilter<EventRecord>[] = [];
  if (filter.status) parts.push({ status: filter.status });
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
  return parts.length ? { $and: parts } : {};
}

export class EventService {
  constructor(private readonly events: EventModel) {}

  async create(input: CreateEventInput, actor: Identity): Promise<EventRecord> {
    assertPeriod(input.periodStart, input.periodEnd);
    const created = await this.events.create({
      name: input.name,
      description: input.description ?? '',
      condition: input.condition ?? null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      status: input.status,
      createdBy: actor.userId,
    });
    return created.toObject();
  }

  list(filter: EventFilter | undefined, page: PageArgs): Promise<Page<EventRecord>> {
    return paginate(this.events, eventFilterQuery(filter), page);
  }

  findById(id: string): Promise<EventRecord | null> {
    return this.events.findById(toObjectId(id)).lean<EventRecord>().exec();
  }
}
