// Checks that equality reads on a FerretDB instance use PostgreSQL indexes instead of
// scanning the whole table (see docs/development.md, "FerretDB and PostgreSQL indexes").
//
//   node scripts/infra/check-index-use.mjs 127.0.0.1:27017 [--docs 20000] [--reads 200]
//
// It creates a throwaway database with one collection of --docs documents and indexes on
// a string field and on two fields together, then compares the table's seq_scan and
// idx_scan counters in pg_stat_user_tables before and after each kind of read. It finds
// the PostgreSQL database behind the address itself (the one holding a schema named
// after the throwaway database); PG_HOST, PG_PORT and PG_USER work as in up.sh.
// Exits 1 when any of the reads scanned the table, and drops its database in any case.
// Takes about a minute: PostgreSQL publishes a backend's counters up to 10 s late, so it
// waits STATS_WAIT_MS (11000) before each reading.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient } from 'mongodb';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const address = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!address) {
  console.error('usage: node scripts/infra/check-index-use.mjs HOST:PORT [--docs N] [--reads N]');
  process.exit(2);
}
const uri = address.startsWith('mongodb://') ? address : `mongodb://${address}/`;
const docCount = option('--docs', 20000);
const reads = option('--reads', 200);
const statsWaitMs = Number(process.env.STATS_WAIT_MS ?? 11000);

const pg = { host: process.env.PG_HOST ?? '127.0.0.1', port: process.env.PG_PORT ?? '5432' };
const pgUser = process.env.PG_USER ?? 'postgres';
const psql = (database, sql) =>
  execFileSync('psql', ['-h', pg.host, '-p', pg.port, '-U', pgUser, '-d', database, '-XtAc', sql], {
    encoding: 'utf8',
  }).trim();
const literal = (s) => `'${s.replaceAll("'", "''")}'`;

const dbName = `index_probe_${randomBytes(4).toString('hex')}`;
const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000, directConnection: true });
let failed = false;

try {
  const db = client.db(dbName);
  const things = db.collection('things');
  console.log(`${uri}: ${docCount} documents in ${dbName}.things`);
  for (let start = 0; start < docCount; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(start + 1000, docCount); i++) {
      batch.push({ key: `key-${i}`, group: `g${i % 100}`, bucket: i % 7, n: i, note: 'x'.repeat(100) });
    }
    await things.insertMany(batch, { ordered: false });
  }
  await things.createIndex({ key: 1 }, { name: 'key' });
  await things.createIndex({ group: 1, bucket: 1 }, { name: 'group_bucket' });
  const ids = (
    await things
      .find({}, { projection: { _id: 1 } })
      .limit(reads)
      .toArray()
  ).map((d) => d._id);

  const pgDatabase = psql('postgres', 'SELECT datname FROM pg_database WHERE datallowconn ORDER BY 1')
    .split('\n')
    .find((d) => psql(d, `SELECT count(*) FROM pg_namespace WHERE nspname = ${literal(dbName)}`) === '1');
  if (!pgDatabase) throw new Error(`no PostgreSQL database on ${pg.host}:${pg.port} has schema ${dbName}`);
  const table = psql(
    pgDatabase,
    `SELECT tablename FROM pg_tables WHERE schemaname = ${literal(dbName)} AND tablename LIKE 'things%'`,
  );
  const indexes = psql(
    pgDatabase,
    `SELECT string_agg(indexname || ': ' || regexp_replace(indexdef, '.* USING ', ''), E'\\n    ' ORDER BY indexname)
       FROM pg_indexes WHERE schemaname = ${literal(dbName)} AND tablename = ${literal(table)}`,
  );
  console.log(`PostgreSQL: ${pgDatabase}, table ${dbName}.${table}, indexes:\n    ${indexes}`);

  // FerretDB answers explain with PostgreSQL's plan (planned with the real values).
  const planOf = async (filter) => {
    const walk = (plan) => [
      plan['Node Type'] + (plan['Index Name'] ? ` on ${plan['Index Name']}` : ''),
      ...(plan.Plans ?? []).flatMap(walk),
    ];
    return walk((await things.find(filter).explain()).queryPlanner.Plan).join(' < ');
  };
  console.log(`plan of find({ key }):          ${await planOf({ key: 'key-1' })}`);
  console.log(`plan of find({ _id }):          ${await planOf({ _id: ids[0] })}`);
  console.log(`plan of find({ group, bucket }): ${await planOf({ group: 'g1', bucket: 1 })}`);

  const counters = async () => {
    await sleep(statsWaitMs);
    const [seq, idx] = psql(
      pgDatabase,
      `SELECT seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables
        WHERE schemaname = ${literal(dbName)} AND relname = ${literal(table)}`,
    )
      .split('|')
      .map(Number);
    return { seq, idx };
  };

  const phases = [
    ['findOne({ key })', reads, (i) => things.findOne({ key: `key-${(i * 97) % docCount}` })],
    ['findOne({ _id })', reads, (i) => things.findOne({ _id: ids[i % ids.length] })],
    ['countDocuments({ group })', 20, (i) => things.countDocuments({ group: `g${i}` })],
    ['find({ group, bucket })', 20, (i) => things.find({ group: `g${i}`, bucket: i % 7 }).toArray()],
  ];
  let before = await counters();
  console.log(`counters at start: seq_scan ${before.seq}, idx_scan ${before.idx}`);
  for (const [label, count, read] of phases) {
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      if (!(await read(i))) throw new Error(`${label} #${i} found nothing`);
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await counters();
    const seq = after.seq - before.seq;
    const idx = after.idx - before.idx;
    console.log(
      `${label.padEnd(26)} ×${String(count).padEnd(4)} ${(count / seconds).toFixed(0).padStart(6)} reads/s` +
        `   seq_scan +${seq}, idx_scan +${idx}${seq > 0 ? '   <- scanned the table' : ''}`,
    );
    if (seq > 0) failed = true;
    if (seq + idx < count) {
      console.log(`  counters missed some of the ${count} reads: raise STATS_WAIT_MS (now ${statsWaitMs})`);
      failed = true;
    }
    before = after;
  }
  console.log(failed ? 'FAIL: some reads scanned the whole table' : 'OK: every read used an index');
} catch (error) {
  console.error(`check-index-use: ${error.message}`);
  failed = true;
} finally {
  await client
    .db(dbName)
    .dropDatabase()
    .catch(() => {});
  await client.close();
}
process.exitCode = failed ? 1 : 0;
