import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { type Connection } from 'mongoose';
import { LoginRecord } from '@rewardgraph/auth/dist/logins/login.model';
import { loginSource, outboxSource } from '@rewardgraph/auth/dist/outbox/auth-outbox';
import { OutboxRecord } from '@rewardgraph/auth/dist/outbox/outbox.model';
import { UserService } from '@rewardgraph/auth/dist/users/user.service';
import { UserDisplayCache } from '@rewardgraph/auth/dist/users/user-display-cache';
import { OutboxRelay, type OutboxSource } from '@rewardgraph/auth/dist/outbox/outbox-relay';
import { createUserTally } from '@rewardgraph/auth/dist/users/user-figures';
import { UserRecord } from '@rewardgraph/auth/dist/users/user.model';
import {
  AUTH_EVENTS_STREAM,
  CacheHealth,
  connectMongo,
  createMetricsRegistry,
  fromStreamFields,
  modelOn,
  Role,
} from '@rewardgraph/service-kit';
import { pino } from 'pino';
import { stack } from '../support/env';
import { login, newUser } from '../support/fixtures';
import { eventually } from '../support/sessions';

type Entries = [string, string[]][];
const logger = pino({ level: 'silent' });

describe('domain events from the auth outbox', () => {
  let bus: Redis;
  beforeAll(() => {
    bus = new Redis(stack().busRedisUrl);
  });
  afterAll(() => bus.quit());

  it('when a user signs up and logs in, then user.signed_up and user.logged_in reach the bus', async () => {
    const since = Date.now() - 1000;
    const user = await newUser('announced');
    await login(user.email, user.password);

    const typesFor = async () =>
      ((await bus.xrange(AUTH_EVENTS_STREAM, `${since}-0`, '+')) as Entries)
        .map(([, fields]) => fromStreamFields(fields))
        .filter((e) => e.data.userId === user.userId)
        .map((e) => e.type);

    expect(await eventually(async () => (await typesFor()).length >= 3)).toBe(true);
    expect((await typesFor()).sort()).toEqual(['user.logged_in', 'user.logged_in', 'user.signed_up']);
  });

  describe('across a relay crash and restart', () => {
    let connection: Connection;
    let logins: ReturnType<typeof modelOn<typeof LoginRecord>>;
    const stream = `rg:e2e:outbox:${randomUUID()}`;

    beforeAll(async () => {
      connection = await connectMongo({
        url: stack().userDbUrl.replace(/_users$/, '_outbox'),
        name: 'outbox-test',
        logger,
      });
      logins = modelOn(connection, LoginRecord);
    });
    afterAll(async () => {
      await connection.dropDatabase();
      await connection.close();
      await bus.del(stream);
    });

    it('when the relay dies between publishing and marking, then after a restart a consumer group sees every event exactly once', async () => {
      const users = modelOn(connection, UserRecord);
      const outbox = modelOn(connection, OutboxRecord);
      const registry = createMetricsRegistry('outbox-test');
      const health = (name: string) =>
        new CacheHealth({ name, source: 'user-db', bypassMs: 1000, timeoutMs: 500 }, logger, registry);
      const tally = createUserTally(bus, connection.name, { health: health('figures'), logger });
      const displays = new UserDisplayCache(bus, {
        database: connection.name,
        ttlSeconds: 60,
        health: health('user_cache'),
        registry,
      });
      const userService = new UserService(users, outbox, bus, tally, displays, logger);
      const created: UserRecord[] = [];
      for (let i = 0; i < 7; i++) {
        created.push(
          await userService.create(`outbox-${i}-${randomUUID()}@e2e.test`, 'outbox-password-1', [Role.USER]),
        );
      }
      const recorded = await logins.create(
        Array.from({ length: 5 }, (_, i) => ({
          userId: created[i]._id.toHexString(),
          at: new Date(),
          clientIp: '10.0.0.1',
          published: false,
        })),
      );
      const crashOnMark = (source: OutboxSource): OutboxSource => ({
        ...source,
        markPublished: async () => {
          throw new Error('relay killed after publishing, before marking');
        },
      });

      const options = { stream, pollMs: 50, leaseKey: `${stream}:relay`, batchSize: 4 };
      const crashed = new OutboxRelay([crashOnMark(outboxSource(outbox, users))], bus, options, logger);
      await expect(crashed.drain()).rejects.toThrow('relay killed');
      expect(await bus.xlen(stream)).toBe(4);

      const restarted = new OutboxRelay(
        [outboxSource(outbox, users), loginSource(logins)],
        bus,
        options,
        logger,
      );
      expect(await restarted.drain()).toBe(12);

      await bus.xgroup('CREATE', stream, 'e2e-consumers', '0');
      const reply = (await bus.xreadgroup(
        'GROUP',
        'e2e-consumers',
        'c1',
        'COUNT',
        100,
        'STREAMS',
        stream,
        '>',
      )) as [string, Entries][];
      const ids = reply[0][1].map(([, fields]) => fromStreamFields(fields).id);
      const expected = [
        ...created.map((u) => `user.signed_up:${u._id.toHexString()}`),
        ...recorded.map((l) => `user.logged_in:${l.id}`),
      ];
      expect(ids).toHaveLength(12);
      expect(new Set(ids)).toEqual(new Set(expected));
      expect(await outbox.countDocuments({ published: false })).toBe(0);
      expect(await logins.countDocuments({ published: false })).toBe(0);
    });

    it('when more logins wait than the database has connections, then one drain relays them all in full batches and the database keeps answering', async () => {
      // Above the local FerretDB's 40 PostgreSQL connections: marked in one update command,
      // a batch of 100 took them all and FerretDB answered nobody.
      const waiting = 250;
      await logins.deleteMany({});
      await logins.insertMany(
        Array.from({ length: waiting }, (_, i) => ({
          userId: `waiting-${i}`,
          at: new Date(),
          clientIp: '10.0.0.2',
          published: false,
        })),
      );
      const relay = new OutboxRelay(
        [loginSource(logins)],
        bus,
        { stream, pollMs: 50, leaseKey: `${stream}:relay`, batchSize: 100 },
        logger,
      );

      expect(await relay.drain()).toBe(waiting);
      expect(await logins.countDocuments({ published: false })).toBe(0);
      expect(await logins.countDocuments({ published: true })).toBe(waiting);
    });
  });
});
