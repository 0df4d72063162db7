// Measures the scenario rows on one running stack: each step under load through the
// gateway, with one client, straight against the events subgraph when the row asks, and
// a raw node:http server answering the gateway's bytes, all with the same autocannon settings.
import { outcomeOf, senderOf } from '../scenarios/outcome.js';
import { scenarios } from '../scenarios/index.js';
import { headersFor, iterate, prepare, Tally } from '../node/interpreter.mjs';
import { forwardedHeaders, subgraphOperation } from './direct.mjs';
import { measure } from './measure.mjs';
import { capture, rawServer } from './raw-baseline.mjs';

/** VUs primed at once (one iteration each) before a scenario's rows are measured. */
const PRIMING_CONCURRENCY = 8;
const WARM_UP_SECONDS = 2;

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
  if (direct && !operation)
    throw new Error(`${step.name}: the gateway's plan is not one fetch on the events subgraph`);
  return () => {
    const vu = run.vus[turn++ % run.vus.length];
    const variables = step.variables?.(vu.context) ?? {};
    if (!direct)
      return {
        headers: headersFor(run, vu, step),
        body: JSON.stringify({ query: step.operation, variables }),
      };
    const token = run.senders.tokenOf(senderOf(step, run.scenario.actor), vu);
    return {
      headers: forwardedHeaders(token, vu.client.ip),
      body: JSON.stringify({
        query: operation.query,
        operationName: operation.operationName,
        variables: Object.fromEntries(
          Object.entries(variables).filter(([name]) => operation.variableNames.includes(name)),
        ),
      }),
    };
  };
}

/** Each scenario signed in and primed once (one iteration per VU), then shared by its rows. */
async function primed(name, { gatewayUrl, players, accounts }) {
  const run = await prepare(scenarios[name], { gatewayUrl, vus: players, accounts });
  const tally = new Tally();
  let next = 0;
  await Promise.all(
    Array.from({ length: PRIMING_CONCURRENCY }, async () => {
      while (next < run.vus.length) await iterate(run, run.vus[next++], tally);
    }),
  );
  if (tally.unexpected().length) console.warn(`  ${name}: priming met ${tally.unexpected().join('; ')}`);
  return run;
}

/**
 * @param {typeof import('./rows.mjs').ROWS} rows
 * @param {{ gatewayUrl: string, eventsUrl: string, players: number, accounts: any, connections: number, seconds: number }} settings
 */
export async function measureRows(rows, settings) {
  const { gatewayUrl, eventsUrl, connections, seconds } = settings;
  const runs = new Map();
  const results = [];
  for (const row of rows) {
    if (!runs.has(row.scenario)) runs.set(row.scenario, await primed(row.scenario, settings));
    const run = runs.get(row.scenario);
    const step = run.scenario.steps.find((s) => s.name === row.step);
    const judge = judgeFor(step, run.vus[0].context);
    const at = (url, direct, clients, time = seconds) =>
      measure({ url, connections: clients, seconds: time, next: requestsOf(run, step, direct), judge });

    process.stdout.write(`  ${row.title}: `);
    await at(gatewayUrl, false, connections, WARM_UP_SECONDS);
    const gateway = await at(gatewayUrl, false, connections);
    const single = await at(gatewayUrl, false, 1);
    const raw = await rawServer(await capture(gatewayUrl, requestsOf(run, step, false)()));
    const baseline = await at(raw.url, false, connections).finally(raw.stop);
    /** @type {Record<string, any>} */
    const result = { ...row, gateway, single, raw: baseline };
    if (row.direct) {
      await at(eventsUrl, true, connections, WARM_UP_SECONDS);
      result.direct = await at(eventsUrl, true, connections);
      result.directSingle = await at(eventsUrl, true, 1);
    }
    console.log(
      `${gateway.rps.toFixed(0)} req/s, p50 ${gateway.p50} ms, p99 ${gateway.p99} ms, ${gateway.errors} errors`,
    );
    results.push(result);
  }
  return results;
}
