// Measures the scenario rows on one running stack: each step warmed up, then with one
// client on the otherwise idle stack, a raw node:http server answering the gateway's
// bytes, then under load through the gateway and, when the row asks, straight against
// the events subgraph in alternating pairs (with a bare HTTP hop in front of the
// subgraph as a third, for reads the gateway passes on), all with the same autocannon
// settings. Between measurements the databases settle.
import { outcomeOf, senderOf } from '../scenarios/outcome.js';
import { scenarios } from '../scenarios/index.js';
import { headersFor, prepare, runSteps, Tally } from '../node/interpreter.mjs';
import { settle } from './databases.mjs';
import { forwardedHeaders, subgraphOperation } from './direct.mjs';
import { measure } from './measure.mjs';
import { capture, hopServer, rawServer } from './baselines.mjs';

/** VUs primed at once before a row is measured. */
const PRIMING_CONCURRENCY = 8;
const WARM_UP_SECONDS = 2;
/**
 * Gateway and direct measurements taken one right after the other, this many times: the
 * machine's background (PostgreSQL's upkeep, the services' timers) moves either figure
 * by a fifth from one measurement to the next, so a single pair decides little. The
 * table shows the pair with the median ratio, and the targets the spread.
 */
const DIRECT_PAIRS = 3;

/** The element of an odd-length list whose `by` is the median, so a row's figures come from one pair. */
const medianBy = (list, by) => list.toSorted((a, b) => by(a) - by(b))[Math.floor(list.length / 2)];

/** An answer counts as the scenario says; a plain 200 without errors is ok without parsing. */
const judgeFor = (step, context) => (status, body) => {
  if (status === 200 && !body.includes('"errors"')) return true;
  let parsed = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  const { kind } = outcomeOf(step, status, parsed, context);
  return kind === 'ok' || kind === 'designed';
};

/** Requests built in turn for every VU (so per-user limits and caches meet many players, as in life). */
function requestsOf(run, step, direct) {
  let turn = 0;
  const operation = direct ? subgraphOperation(step.operation, 'events') : null;
  if (direct && !operation) {
    throw new Error(`${step.name}: the gateway's plan is not one fetch on the events subgraph`);
  }
  return () => {
    const vu = run.vus[turn++ % run.vus.length];
    const variables = step.variables?.(vu.context) ?? {};
    if (!direct) {
      return {
        headers: headersFor(run, vu, step),
        body: JSON.stringify({ query: step.operation, variables }),
      };
    }
    const used = Object.entries(variables).filter(([name]) => operation.variableNames.includes(name));
    return {
      headers: forwardedHeaders(run.senders.tokenOf(senderOf(step, run.scenario.actor), vu), vu.client.ip),
      body: JSON.stringify({
        query: operation.query,
        operationName: operation.operationName,
        variables: Object.fromEntries(used),
      }),
    };
  };
}

/**
 * Each VU runs the scenario's steps before `upTo` once (an event detail needs an event the
 * player listed; the review queue, requests waiting), as far as no earlier row primed it.
 */
async function prime(run, upTo) {
  const from = run.primed ?? 0;
  if (upTo <= from) return;
  const steps = run.scenario.steps.slice(from, upTo);
  const tally = new Tally();
  let next = 0;
  await Promise.all(
    Array.from({ length: PRIMING_CONCURRENCY }, async () => {
      while (next < run.vus.length) {
        await runSteps(steps, run.scenario.actor, run.vus[next++], run.senders, tally);
      }
    }),
  );
  run.primed = upTo;
  if (tally.unexpected().length) console.warn(`\n    priming met ${tally.unexpected().join('; ')}`);
}

async function measureRow(row, run, settings) {
  const { gatewayUrl, eventsUrl, connections, seconds, env, volume } = settings;
  const index = run.scenario.steps.findIndex((s) => s.name === row.step);
  const step = run.scenario.steps[index];
  await prime(run, index);
  const judge = judgeFor(step, run.vus[0].context);
  const at = async (url, direct, clients, time = seconds) => {
    const figures = await measure({
      url,
      connections: clients,
      seconds: time,
      next: requestsOf(run, step, direct),
      judge,
    });
    const cancelled = await settle(env, volume);
    if (cancelled)
      console.warn(`\n    ${cancelled} queries still running a minute after the clients stopped: cancelled`);
    return figures;
  };

  // After the warm-up has read the players' data, so the one client meets the caches as
  // the direct one, measured after the gateway's load, meets them.
  await at(gatewayUrl, false, connections, WARM_UP_SECONDS);
  const single = await at(gatewayUrl, false, 1);
  const raw = await rawServer(await capture(gatewayUrl, requestsOf(run, step, false)()));
  const baseline = await measure({
    url: raw.url,
    connections,
    seconds,
    next: requestsOf(run, step, false),
    judge,
  }).finally(raw.stop);
  if (!row.direct)
    return { ...row, gateway: await at(gatewayUrl, false, connections), single, raw: baseline };

  const directSingle = await at(eventsUrl, true, 1);
  await at(eventsUrl, true, connections, WARM_UP_SECONDS);
  // What any hop costs: the direct requests through a server that only passes them on.
  const hop = row.wholeAtGateway ? null : await hopServer(eventsUrl);
  const pairs = [];
  try {
    for (let i = 0; i < DIRECT_PAIRS; i++) {
      const gateway = await at(gatewayUrl, false, connections);
      const direct = await at(eventsUrl, true, connections);
      const hopped = hop && (await at(hop.url, true, connections));
      pairs.push({ gateway, direct, hopped });
    }
  } finally {
    await hop?.stop();
  }
  const over = (p) => p.gateway.p50 / p.direct.p50;
  const hopOver = (p) => p.hopped.p50 / p.direct.p50;
  const { gateway, direct } = medianBy(pairs, over);
  return {
    ...row,
    gateway,
    direct,
    single,
    directSingle,
    raw: baseline,
    overDirect: pairs.map(over).toSorted((a, b) => a - b),
    ...(hop && {
      hop: medianBy(pairs, hopOver).hopped,
      hopOverDirect: pairs.map(hopOver).toSorted((a, b) => a - b),
    }),
  };
}

/**
 * @param {typeof import('./rows.mjs').ROWS} rows
 * @param {{ gatewayUrl: string, eventsUrl: string, players: number, accounts: any, connections: number,
 *   seconds: number, env: NodeJS.ProcessEnv, volume: import('./profile.mjs').Volume }} settings
 */
export async function measureRows(rows, settings) {
  const runs = new Map();
  const results = [];
  for (const row of rows) {
    process.stdout.write(`  ${row.title}: `);
    try {
      if (!runs.has(row.scenario)) {
        const { gatewayUrl, players: vus, accounts } = settings;
        runs.set(row.scenario, await prepare(scenarios[row.scenario], { gatewayUrl, vus, accounts }));
      }
      const result = await measureRow(row, runs.get(row.scenario), settings);
      const { gateway, single } = result;
      console.log(
        `${gateway.rps.toFixed(0)} req/s, p50 ${gateway.p50} ms, p99 ${gateway.p99} ms, ${gateway.errors} errors; one client p50 ${single.p50} ms`,
      );
      results.push(result);
    } catch (error) {
      console.log(`failed: ${error.message}`);
      results.push({ ...row, failed: error.message });
    }
  }
  return results;
}
