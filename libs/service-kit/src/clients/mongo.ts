import mongoose, { type Connection } from 'mongoose';
import { type Logger } from 'pino';
import { type Registry } from 'prom-client';
import { instrumentMongo } from '../metrics/mongo-metrics';
import { oneReplyReads } from './one-reply-reads';

/**
 * Sockets per database, unless the URL sets `maxPoolSize` (a real MongoDB takes more).
 * Each local FerretDB has 40 PostgreSQL connections, and an operation holds one for as
 * long as it runs: while the sockets of every process on one FerretDB stay fewer than
 * that, an operation that needs a second connection (FerretDB creating a collection
 * takes its catalog lock, then a connection) always finds one. With 20 per process, a
 * bench stack under load beside the e2e stack hung FerretDB that way.
 */
const POOL_SIZE = 10;

export interface MongoOptions {
  url: string;
  /** Label used in logs, e.g. "user-db". */
  name: string;
  logger: Logger;
  /** The service's registry: its commands' latency is recorded there (mongodb_command_duration_seconds). */
  metrics?: Registry;
}

/**
 * A connection of its own (never mongoose's global one), so one process can hold
 * several and tests can open and close theirs. Indexes are created explicitly at
 * start (ensureIndexes), not by mongoose in the background, where failures vanish.
 */
export async function connectMongo({ url, name, logger, metrics }: MongoOptions): Promise<Connection> {
  const log = logger.child({ dependency: name });
  const connection = mongoose.createConnection(url, {
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS: 5000,
    ...(/[?&]maxPoolSize=/i.test(url) ? {} : { maxPoolSize: POOL_SIZE }),
    appName: `rewardgraph-${name}`,
    monitorCommands: metrics !== undefined,
  });
  connection.plugin(oneReplyReads);
  if (metrics) instrumentMongo(connection, name, metrics);
  connection.on('disconnected', () => log.warn('mongo disconnected'));
  connection.on('reconnected', () => log.info('mongo reconnected'));
  connection.on('error', (err) => log.error({ err }, 'mongo error'));
  await connection.asPromise();
  log.info('mongo connected');
  return connection;
}

/** Creates every declared index and fails loudly when the database refuses one. */
export async function ensureIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) {
    // A discriminator shares its base's collection and would re-declare the base's
    // indexes with a partialFilterExpression, which FerretDB refuses.
    if (model.baseModelName) continue;
    await model.createCollection().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceExists') throw error;
    });
    await model.createIndexes();
  }
}
