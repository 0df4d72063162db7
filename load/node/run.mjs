// Runs load scenarios through the Node interpreter a few iterations and prints how every
// answer counted, as JSON; exits 1 when any answer was unexpected. The e2e test runs it
// against the e2e stack, so the scenarios k6 runs cannot rot.
//   node load/node/run.mjs --gateway http://127.0.0.1:3333/graphql --vus 3 --iterations 2 [scenario …]
// Accounts: ADMIN_EMAIL, ADMIN_PASSWORD, LOAD_PLAYER_PASSWORD, LOAD_OPERATOR_PASSWORD.
import { parseArgs } from 'node:util';
import { scenarios } from '../scenarios/index.js';
import { accountsFromEnv } from './accounts.mjs';
import { iterate, prepare, Tally } from './interpreter.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    gateway: { type: 'string', default: 'http://127.0.0.1:3333/graphql' },
    vus: { type: 'string', default: '3' },
    iterations: { type: 'string', default: '2' },
  },
});
const names = positionals.length ? positionals : Object.keys(scenarios);
const unknown = names.filter((name) => !scenarios[name]);
if (unknown.length)
  throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(scenarios)}`);

const accounts = accountsFromEnv(process.env);
const report = {};
for (const name of names) {
  const run = await prepare(scenarios[name], {
    gatewayUrl: values.gateway,
    vus: Number(values.vus),
    accounts,
  });
  const tally = new Tally(run.scenario.steps.map((step) => step.name));
  // VUs at once, iterations one after the other: the storm meets its players together.
  await Promise.all(
    run.vus.map(async (vu) => {
      for (let i = 0; i < Number(values.iterations); i++) await iterate(run, vu, tally);
    }),
  );
  report[name] = { steps: tally.steps, unexpected: tally.unexpected() };
}
console.log(JSON.stringify(report, null, 2));
process.exitCode = Object.values(report).some((r) => r.unexpected.length) ? 1 : 0;
