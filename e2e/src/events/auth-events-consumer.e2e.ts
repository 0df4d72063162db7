import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type Connection } from 'mongoose';
import { pino } from 'pino';
import { AuthEventsConsumer } from '@rewardgraph/events/dist/metrics/auth-events.consumer';
import {
  ActivityRecord,
  LoginDayRecord,
  ProcessedBusEventRecord,
} from '@rewardgraph/events/dist/metrics/metric.model';
import { createMetricFigures, type MetricFigures } from '@rewardgraph/events/dist/figures/metric-figures';
import { MetricService } from '@rewardgraph/events/dist/metrics/metric.service';
import {
  CacheHealth,
  connectMongo,
  createMetricsRegistry,
  ensureIndexes,
  modelOn,
  toStreamFields,
} from '@rewardgraph/service-kit';
import { stack } from '../support/env';

const logger = pino({ level: 'silent' });

describe('the events consumer of auth domain events', () => {
  let bus: Redis;
  let connection: Connection;
  let loginDays: ReturnType<typeof modelOn<typeof LoginDayRecord>>;
  let processed: ReturnType<typeof modelOn<typeof ProcessedBusEventRecord>>;
  let activities: ReturnType<typeof modelOn<typeof ActivityRecord>>;
  let figures: MetricFigures;
  const stream = `rg:e2e:auth-events:${randomUUID()}`;
  const reclaimStream = `rg:e2e:auth-events:reclaim:${randomUUID()}`;
  const CLAIM_IDLE_MS = 1000;

  const consumerOf = (onStream: string, consumer: string, metrics: MetricService) =>
    new AuthEventsConsumer({
      redis: bus.duplicate(),
      stream: onStream,
      group: 'events',
      consumer,
      claimIdleMs: CLAIM_IDLE_MS,
      metrics,
      processed,
      logger,
    });
  const loginEvent = (userId: string) =>
    toStreamFields({
      id: `user.logged_in:${userId}`,
      type: 'user.logged_in',
      occurredAt: new Date().toISOString(),
      data: { userId, at: new Date().toISOString() },
    });

  beforeAll(async () => {
    bus = new Redis(stack().busRedisUrl);
    connection = await connectMongo({
      url: stack().eventDbUrl.replace(/_events$/, '_consumer'),
      name: 'consumer-test',
      logger,
    });
    loginDays = modelOn(connection, LoginDayRecord);
    processed = modelOn(connection, ProcessedBusEventRecord);
    activities = modelOn(connection, ActivityRecord);
    figures = createMetricFigures(
      bus,
      connection.name,
      new CacheHealth(
        { name: 'figures', source: 'event-db', bypassMs: 1000, timeoutMs: 500 },
        logger,
        createMetricsRegistry('consumer-test'),
      ),
    );
    await ensureIndexes(connection);
  });
  afterAll(async () => {
    await bus.del(stream, reclaimStream);
    await bus.quit();
    await connection.dropDatabase();
    await connection.close();
  });

  it('when the consumer crashes mid-batch, then after a restart the unacknowledged entries are handled, each event once', async () => {
    const metrics = new MetricService(loginDays, activities, figures);
    const users = [randomUUID(), randomUUID(), randomUUID()];
    const publish = (userId: string, id = `user.logged_in:${userId}`) =>
      bus.xadd(
        stream,
        '*',
        ...toStreamFields({
          id,
          type: 'user.logged_in',
          occurredAt: new Date().toISOString(),
          data: { userId, at: new Date().toISOString() },
        }),
      );
    for (const userId of users) await publish(userId);

    let calls = 0;
    const crashing = Object.create(metrics) as MetricService;
    crashing.recordLogin = async (userId, at) => {
      if (++calls === 2) throw new Error('killed while handling the second entry');
      return metrics.recordLogin(userId, at);
    };
    const first = consumerOf(stream, 'events-1', crashing);
    await first.start();
    await first.stop();
    const crashedRun = consumerOf(stream, 'events-1', crashing);
    await expect(crashedRun.drainOnce()).rejects.toThrow('killed');
    await crashedRun.stop();
    expect(await loginDays.countDocuments({ userId: { $in: users } })).toBe(1);

    await publish(users[0]);
    const restarted = consumerOf(stream, 'events-1', metrics);
    expect(await restarted.drainOnce()).toBe(3);
    await restarted.stop();

    expect(await loginDays.countDocuments({ userId: { $in: users } })).toBe(3);
    const pending = (await bus.xpending(stream, 'events')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
    expect(await processed.countDocuments({})).toBe(3);
  });

  it('when a consumer dies holding entries under a name that never comes back, then a live consumer takes them over once idle, and racing consumers handle each once', async () => {
    const metrics = new MetricService(loginDays, activities, figures);
    const users = [randomUUID(), randomUUID(), randomUUID()];
    await bus.xgroup('CREATE', reclaimStream, 'events', '0', 'MKSTREAM');
    for (const userId of users) await bus.xadd(reclaimStream, '*', ...loginEvent(userId));

    // The recreated container's predecessor: it read every entry and died before XACK.
    const dead = await bus.xreadgroup(
      'GROUP',
      'events',
      'events-a',
      'COUNT',
      10,
      'STREAMS',
      reclaimStream,
      '>',
    );
    expect((dead as [string, unknown[]][])[0][1]).toHaveLength(3);

    const [b, c] = [
      consumerOf(reclaimStream, 'events-b', metrics),
      consumerOf(reclaimStream, 'events-c', metrics),
    ];
    // Not idle long enough: events-a might still be handling them.
    expect(await b.drainOnce()).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, CLAIM_IDLE_MS + 100));
    const handled = await Promise.all([b.drainOnce(), c.drainOnce()]);
    await Promise.all([b.stop(), c.stop()]);

    expect(handled[0] + handled[1]).toBe(3);
    expect(await loginDays.countDocuments({ userId: { $in: users } })).toBe(3);
    const pending = (await bus.xpending(reclaimStream, 'events')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });
});
