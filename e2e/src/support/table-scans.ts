import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const run = promisify(execFile);

const pg = {
  host: process.env.PG_HOST ?? '127.0.0.1',
  port: process.env.PG_PORT ?? '5432',
  user: process.env.PG_USER ?? 'postgres',
};

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function psql(database: string, sql: string): Promise<string[][]> {
  const { stdout } = await run(
    'psql',
    ['-h', pg.host, '-p', pg.port, '-U', pg.user, '-d', database, '-XtAF', '\t', '-c', sql],
    { encoding: 'utf8' },
  );
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

/**
 * Has PostgreSQL gather the statistics of every table now, as autovacuum would after a
 * while: the planner then knows how many rows each indexed value matches, and a read
 * that matches a large share of a table is planned (and counted) as the scan it is.
 */
export async function analyze(target: FerretSchema): Promise<void> {
  await psql(
    target.pgDatabase,
    `ANALYZE ${[...target.collectionOf.keys()].map((t) => `"${target.schema}"."${t}"`).join(', ')}`,
  );
}

/** Sequential and index scans of one table since the server started. */
export interface TableScans {
  seq: number;
  idx: number;
}

/** A FerretDB database as PostgreSQL sees it: a schema, one table per collection. */
export interface FerretSchema {
  pgDatabase: string;
  schema: string;
  /** The collection each table holds (FerretDB adds a hash to the table name). */
  collectionOf: Map<string, string>;
}

/**
 * Finds the PostgreSQL database and schema behind a MongoDB URL served by FerretDB: the
 * schema is named after the MongoDB database, in whichever database holds it (see
 * scripts/infra/up.sh and check-index-use.mjs).
 */
export async function ferretSchemaOf(mongoUrl: string): Promise<FerretSchema> {
  const schema = new URL(mongoUrl).pathname.slice(1);
  const databases = (await psql('postgres', 'SELECT datname FROM pg_database WHERE datallowconn')).map(
    ([name]) => name,
  );
  for (const pgDatabase of databases) {
    const [[found]] = await psql(
      pgDatabase,
      `SELECT count(*) FROM pg_namespace WHERE nspname = ${literal(schema)}`,
    );
    if (found !== '1') continue;
    const rows = await psql(
      pgDatabase,
      `SELECT _jsonb->>'table', _jsonb->>'_id' FROM "${schema}"._ferretdb_database_metadata`,
    );
    return {
      pgDatabase,
      schema,
      collectionOf: new Map(rows.map(([table, collection]) => [table, collection])),
    };
  }
  throw new Error(`no PostgreSQL database on ${pg.host}:${pg.port} has a schema ${schema}`);
}

/**
 * The scan counters of every collection's table, by collection. Each reading is a new
 * psql backend, so it never reuses a stats snapshot; what it cannot see are counts the
 * FerretDB backends have not published yet (see `settledScans`).
 */
export async function scansOf(target: FerretSchema): Promise<Map<string, TableScans>> {
  const rows = await psql(
    target.pgDatabase,
    `SELECT relname, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables
      WHERE schemaname = ${literal(target.schema)}`,
  );
  const scans = new Map<string, TableScans>();
  for (const [table, seq, idx] of rows) {
    const collection = target.collectionOf.get(table);
    if (collection) scans.set(collection, { seq: Number(seq), idx: Number(idx) });
  }
  return scans;
}

/** What changed between two readings, for the collections that were scanned or read at all. */
export function scansBetween(
  before: Map<string, TableScans>,
  after: Map<string, TableScans>,
): Map<string, TableScans> {
  const delta = new Map<string, TableScans>();
  for (const [collection, now] of after) {
    const then = before.get(collection) ?? { seq: 0, idx: 0 };
    const change = { seq: now.seq - then.seq, idx: now.idx - then.idx };
    if (change.seq || change.idx) delta.set(collection, change);
  }
  return delta;
}

/** PostgreSQL publishes an idle backend's counters at most this long after its last query. */
export const STATS_PUBLISH_MS = 10_000;

/**
 * The counters once every FerretDB backend has published what it did up to `since`:
 * PostgreSQL gives no way to ask another backend to flush, so this waits out the
 * longest delay (and a margin), then reads.
 */
export async function settledScans(
  read: () => Promise<Map<string, TableScans>>,
  since: number,
): Promise<Map<string, TableScans>> {
  await sleep(Math.max(0, since + STATS_PUBLISH_MS + 1_000 - Date.now()));
  return read();
}
