import { type ReturnModelType } from '@typegoose/typegoose';
import { scrapeGauge, type Registry } from '@rewardgraph/service-kit';
import { type Types } from 'mongoose';
import { type Logger } from 'pino';
import { type LoginRecord } from '../logins/login.model';
import { type OutboxRecord } from '../outbox/outbox.model';

/** Counted up to this many: past it the gauge says "at least", and the scrape stays cheap. */
export const OUTBOX_COUNT_LIMIT = 1000;

type Unpublished = ReturnModelType<typeof OutboxRecord> | ReturnModelType<typeof LoginRecord>;

/**
 * How far the outbox relay is behind, read at scrape time for each source (`outbox`:
 * sign-ups, `logins`): `auth_outbox_pending` (unpublished records, counted up to
 * OUTBOX_COUNT_LIMIT) and `auth_outbox_oldest_age_seconds` (how long the oldest has
 * waited; 0 when none). Both read the `unpublished` index (published, then `_id`).
 */
export function outboxLagGauges(
  sources: Record<string, Unpublished>,
  logger: Logger,
  registry: Registry,
): void {
  const unpublished = (model: Unpublished, limit: number) =>
    (model as ReturnModelType<typeof OutboxRecord>)
      .find({ published: false }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
  const perSource = (value: (model: Unpublished) => Promise<number>) => () =>
    Promise.all(
      Object.entries(sources).map(async ([source, model]) => ({
        labels: { source },
        value: await value(model),
      })),
    );
  const common = { labelNames: ['source'] as const, timeoutMs: 1000, logger, registry };
  scrapeGauge({
    name: 'auth_outbox_pending',
    help: `Outbox records not yet published to the bus, by source (counted up to ${OUTBOX_COUNT_LIMIT})`,
    read: perSource(async (model) => (await unpublished(model, OUTBOX_COUNT_LIMIT)).length),
    ...common,
  });
  scrapeGauge({
    name: 'auth_outbox_oldest_age_seconds',
    help: 'Age of the oldest outbox record not yet published, by source (0 when none waits)',
    read: perSource(async (model) => {
      const [oldest] = await unpublished(model, 1);
      return oldest ? (Date.now() - oldest._id.getTimestamp().getTime()) / 1000 : 0;
    }),
    ...common,
  });
}
