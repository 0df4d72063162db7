/** Streams of the Redis bus; the bus lives on the "data" Redis (BUS_REDIS_URL). */
export const AUTH_EVENTS_STREAM = 'rg:bus:auth';
export const REVOCATIONS_STREAM = 'rg:bus:auth:revocations';

/** What one service tells the others; consumers are idempotent by `id`. */
export interface DomainEvent<D extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  type: string;
  occurredAt: string;
  data: D;
}

export const toStreamFields = (event: DomainEvent): string[] => [
  'id',
  event.id,
  'type',
  event.type,
  'occurredAt',
  event.occurredAt,
  'data',
  JSON.stringify(event.data),
];

export function fromStreamFields(fields: string[]): DomainEvent {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i], fields[i + 1]);
  return {
    id: map.get('id') ?? '',
    type: map.get('type') ?? '',
    occurredAt: map.get('occurredAt') ?? '',
    data: JSON.parse(map.get('data') ?? '{}') as Record<string, unknown>,
  };
}
