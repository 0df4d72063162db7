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
import { MetricService } from '@rewardgraph/events/dist/metrics/metric.service';
import { connectMongo, ensureIndexes, modelOn, toStreamFields } from '@rewardgraph/service-kit';
import { stack } from '../support/env';

const logger = pino({ level: 'silent' });

describe('the events consumer of auth domain events', () => {
  let bus: Redis;
  let connection: Connection;
  let loginDays: ReturnType<typeof modelOn<typeof LoginDayRecord>>;
  let processed: ReturnType<typeof modelOn<typeof ProcessedBusEventRecord>>;
  let activities: ReturnType<typeof modelOn<typeof ActivityRecord>>;
  const stream = `rg:e2e:auth-events:${randomUUID()}`;

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
    await ensureIndexes(connection);
  });
  afterAll(async () => {
    await bus.del(stream);
    await bus.quit();
    await connection.dropDatabase();
    await connection.close();
  });

  it('when the consumer crashes mid-batch, then after a restart the unacknowledged entries are handled, each event once', async () => {
    const metrics = new MetricService(loginDays, activities);
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
    const first = new AuthEventsConsumer(
      bus.duplicate(),
      stream,
      'events',
      'events-1',
      crashing,
      processed,
      logger,
    );
    await first.start();
    await first.stop();
    const crashedRun = new AuthEventsConsumer(
      bus.duplicate(),
      stream,
      'events',
      'events-1',
      crashing,
      processed,
      logger,
    );
    await expect(crashedRun.drainOnce()).rejects.toThrow('killed');
    await crashedRun.stop();
    expect(await loginDays.countDocuments({ userId: { $in: users } })).toBe(1);

    await publish(users[0]);
    const restarted = new AuthEventsConsumer(
      bus.duplicate(),
      stream,
      'events',
      'events-1',
      metrics,
      processed,
      logger,
    );
    expect(await restarted.drainOnce()).toBe(3);
    await restarted.stop();

    expect(await loginDays.countDocuments({ userId: { $in: users } })).toBe(3);
    const pending = (await bus.xpending(stream, 'events')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
    expect(await processed.countDocuments({})).toBe(3);
  });
});
