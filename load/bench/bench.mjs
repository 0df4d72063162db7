// npm run bench — the platform's figures under load, on the bench's own stack (see
// docs/performance.md): every scenario row through the gateway (at --connections and with
// one client), the event list and my requests straight against the events subgraph too,
// a raw node:http server answering the gateway's bytes, and the request storm.
//   npm run bench                                 realistic volume (written once, then reused)
//   npm run bench -- --volume small               only the bench players' own data (load/bench/volume.mjs)
//   npm run bench -- --volume both --markdown docs/performance-bench.md
//   npm run bench -- --only "event list,login" --seconds 5 --keep-running
//   npm run bench -- --instances 2                two of each service behind nginx (docs/scaling.md)
import { availableParallelism, cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { accountsFromEnv } from '../node/accounts.mjs';
import { analyze, dropVolume, flushRedis, tallyBuilt } from './databases.mjs';
import { BENCH_ADMIN, benchServiceEnv, benchVolumes } from './profile.mjs';
import { ROWS } from './rows.mjs';
import { measureRows } from './scenario-rows.mjs';
import { scaledBenchStack, scaledPorts } from './scaled-stack.mjs';
import { benchStack, ensureBuilt, ensureInfra, stackAnswering } from './stack.mjs';
import { measureStorm } from './storm-row.mjs';
import {
  cellsOf,
  COMPARISON_HEADER,
  comparisonCells,
  HEADER,
  markdown,
  TARGETS_HEADER,
  targets,
  text,
} from './table.mjs';
import { seedVolume, volumeReady } from './volume.mjs';

const { values: options } = parseArgs({
  options: {
    volume: { type: 'string', default: 'realistic' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    players: { type: 'string', default: '200' },
    'storm-players': { type: 'string', default: '1000' },
    only: { type: 'string' },
    markdown: { type: 'string' },
    'keep-running': { type: 'boolean', default: false },
    instances: { type: 'string', default: '1' },
  },
});
const env = process.env;
const volumes = benchVolumes(env);
if (!['1', '2'].includes(options.instances)) throw new Error('--instances is 1 or 2');
const scaled = options.instances === '2';
// Two instances are reached through their balancer: the rows, the direct rows and the
// storm all go to its ports.
if (scaled) for (const volume of Object.values(volumes)) volume.ports = scaledPorts(volume);
const chosen = options.volume === 'both' ? ['realistic', 'small'] : [options.volume];
if (!chosen.every((name) => volumes[name])) throw new Error('--volume is realistic, small or both');
const only = options.only?.split(',').map((title) => title.trim());
const rows = ROWS.filter((row) => !only || only.includes(row.title));
const withStorm = !only || only.includes('request storm');
const settings = {
  connections: Number(options.connections),
  seconds: Number(options.seconds),
  players: Number(options.players),
  accounts: { ...accountsFromEnv(env), admin: BENCH_ADMIN },
};

/**
 * Databases for a run that starts the services: the realistic volume written when
 * missing, the small one written afresh each run (a few seconds; the last run's storm
 * wrote into it).
 */
async function prepareData(volume) {
  if (await stackAnswering(volume)) {
    if (!(await volumeReady(volume))) {
      throw new Error(
        'the running bench services have no finished volume: stop them, then run the bench again',
      );
    }
    return;
  }
  if (volume.name === 'small' || !(await volumeReady(volume))) {
    await dropVolume(volume);
    await flushRedis(env, volume.redisDb);
    await seedVolume(volume, settings.accounts.playerPassword);
  }
}

async function benchVolume(volume) {
  await prepareData(volume);
  const startStack = scaled ? scaledBenchStack : benchStack;
  const stack = await startStack(volume, benchServiceEnv(env), env, { keepRunning: options['keep-running'] });
  try {
    // Statistics for the planner after the bulk write and the services' indexes.
    if (volume.name === 'realistic') await analyze(env, [volume.userDbUrl, volume.eventDbUrl]);
    console.log(`${volume.name}: waiting for the figures the services keep in Redis`);
    await tallyBuilt(env, volume);
    const urls = {
      gatewayUrl: `http://127.0.0.1:${volume.ports.gateway}/graphql`,
      eventsUrl: `http://127.0.0.1:${volume.ports.events}/graphql`,
    };
    console.log(
      `${volume.name}: measuring (${settings.connections} connections, ${settings.seconds} s each)`,
    );
    /** @type {any[]} rows of measureRows and the storm's row, one shape for the tables */
    const results = await measureRows(rows, { ...settings, ...urls, env, volume });
    if (withStorm) {
      const storm = { ...urls, eventDbUrl: volume.eventDbUrl, players: Number(options['storm-players']) };
      results.push(
        await measureStorm({ ...storm, accounts: settings.accounts }).catch((error) => {
          console.log(`failed: ${error.message}`);
          return { title: 'request storm', failed: error.message };
        }),
      );
    }
    return results;
  } finally {
    await stack.stop();
  }
}

await ensureInfra(env);
ensureBuilt();
const results = {};
for (const name of chosen) results[name] = await benchVolume(volumes[name]);

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}`;
const sections = [
  ...chosen.map((name) => [`${name} volume`, HEADER, cellsOf(results[name])]),
  ...(results.realistic && results.small
    ? [['realistic against small', COMPARISON_HEADER, comparisonCells(results.realistic, results.small)]]
    : []),
  ['targets', TARGETS_HEADER, targets(results.realistic, results.small, settings.connections)],
];
for (const [title, header, cells] of sections) console.log(`\n${title}\n${text(header, cells)}`);

if (options.markdown) {
  const { format } = await import('prettier');
  const body = [
    '# Bench figures',
    '',
    `Written by \`npm run bench -- ${process.argv.slice(2).join(' ')}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${machine}; ${settings.connections} connections, ${settings.seconds} s per measurement. Columns: docs/performance.md.`,
    ...sections.flatMap(([title, header, cells]) => [
      '',
      `## ${title[0].toUpperCase()}${title.slice(1)}`,
      '',
      markdown(header, cells),
    ]),
    '',
  ].join('\n');
  writeFileSync(options.markdown, await format(body, { parser: 'markdown' }));
  console.log(`\nwritten to ${options.markdown}`);
}
