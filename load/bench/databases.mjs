// The bench's direct line to its databases: MongoDB wire (FerretDB) for the volume and
// psql for PostgreSQL statistics.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';

const run = promisify(execFile);

/**
 * A FerretDB whose PostgreSQL has no connection left accepts the socket and never
 * answers: the socket timeout turns that into an error instead of a bench that waits forever.
 */
export async function withDb(url, use) {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000, socketTimeoutMS: 120_000 });
  try {
    return await use(client.db());
  } finally {
    await client.close();
  }
}

/** The PostgreSQL databases scripts/infra/up.sh gives the two FerretDB instances. */
const FERRET_PG_DATABASES = ['rewardgraph_user_db', 'rewardgraph_event_db'];

const psql = async (env, database, sql) => {
  const { stdout } = await run(
    'psql',
    [
      '-h',
      env.PG_HOST ?? '127.0.0.1',
      '-p',
      env.PG_PORT ?? '5432',
      '-U',
      env.PG_USER ?? 'postgres',
      '-d',
      database,
      '-XtA',
      '-c',
      sql,
    ],
    { encoding: 'utf8' },
  );
  return stdout.split('\n').filter(Boolean);
};

/**
 * Has PostgreSQL gather the statistics of every table of the bench's FerretDB databases
 * (a schema named after each MongoDB database), so the planner reads them through their
 * indexes right after a bulk write instead of whenever autovacuum comes round.
 */
export async function analyze(env, mongoUrls) {
  for (const url of mongoUrls) {
    const schema = new URL(url).pathname.slice(1);
    for (const database of FERRET_PG_DATABASES) {
      const tables = await psql(
        env,
        database,
        `SELECT tablename FROM pg_tables WHERE schemaname = '${schema}'`,
      );
      if (tables.length === 0) continue;
      await psql(env, database, `ANALYZE ${tables.map((t) => `"${schema}"."${t}"`).join(', ')}`);
    }
  }
}

/**
 * Empties the bench's Redis database on both servers: read caches, rate-limit counters
 * and bus streams of databases that were just dropped would outlive them.
 */
export async function flushRedis(env, db) {
  for (const port of [env.DATA_REDIS_PORT ?? '6379', env.SECURE_REDIS_PORT ?? '6380']) {
    await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), '-n', String(db), 'FLUSHDB']);
  }
}

/** Drops both databases of a volume (its services must not be running). */
export async function dropVolume(volume) {
  await withDb(volume.userDbUrl, (db) => db.dropDatabase());
  await withDb(volume.eventDbUrl, (db) => db.dropDatabase());
}

const SETTLE_POLL_MS = 500;

/**
 * Waits until PostgreSQL runs nothing for the volume's FerretDB schemas: a slow row leaves
 * queries behind after its clients stopped (the services finish what they were sent), and
 * they would weigh on the next row. What still runs after `timeoutMs` is cancelled, since
 * FerretDB and PostgreSQL are shared with every other stack on the machine.
 * @returns {Promise<number>} how many queries had to be cancelled
 */
export async function settle(env, volume, timeoutMs = 60_000) {
  const schemas = [volume.userDbUrl, volume.eventDbUrl].map((url) => new URL(url).pathname.slice(1));
  const running = `SELECT pid FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid()
    AND (${schemas.map((schema) => `query LIKE '%"${schema}".%'`).join(' OR ')})`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await psql(env, 'postgres', running)).length === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
  return (await psql(env, 'postgres', `SELECT pg_cancel_backend(pid) FROM (${running}) AS left_behind`))
    .length;
}

/**
 * Waits until the events service has built its figures (request tally and day sets, kept
 * in Redis), which it does in the background from the whole volume after a fresh one:
 * measured meanwhile, reads would count in the database and the build would share the CPU.
 */
export async function tallyBuilt(env, volume, timeoutMs = 15 * 60_000) {
  const database = new URL(volume.eventDbUrl).pathname.slice(1);
  const keys = ['requests', 'participants', 'active', 'activities'].map(
    (figure) => `rg:tally:{${database}:${figure}}:built`,
  );
  const port = String(env.DATA_REDIS_PORT ?? '6379');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { stdout } = await run('redis-cli', [
      '-h',
      '127.0.0.1',
      '-p',
      port,
      '-n',
      String(volume.redisDb),
      'EXISTS',
      ...keys,
    ]);
    if (stdout.trim() === String(keys.length)) return;
    if (Date.now() > deadline)
      throw new Error(`the request figures were not built within ${timeoutMs / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
