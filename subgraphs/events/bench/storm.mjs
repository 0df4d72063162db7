// npm run bench:storm — the money path under a launch storm, against a running platform
// (npm start). Prints figures; the invariants are checked in the database afterwards.
//   PLAYERS=1000 STOCK=100 SAMPLES=40 npm run bench:storm
import { gatewayUrl, sleep } from './storm/client.mjs';
import { latency } from './storm/latency.mjs';
import { login, players } from './storm/players.mjs';
import { storm } from './storm/storm.mjs';

const settings = {
  players: Number(process.env.PLAYERS ?? 1000),
  stock: Number(process.env.STOCK ?? 100),
  samples: Number(process.env.SAMPLES ?? 40),
  takenSlots: Number(process.env.TAKEN_SLOTS ?? 20_000),
  heldClaims: Number(process.env.HELD_CLAIMS ?? 900),
  earlierRequests: Number(process.env.EARLIER_REQUESTS ?? 100_000),
};
const ms = (value) => `${value.toFixed(1)} ms`;

const admin = await login(
  process.env.ADMIN_EMAIL ?? 'admin@rewardgraph.local',
  process.env.ADMIN_PASSWORD ?? 'rewardgraph-demo-admin',
);
const setupStarted = performance.now();
const crowd = await players(settings.players);
// Their login events reach the events service through the bus: let that settle first.
await sleep(10_000);
console.log(
  `${gatewayUrl}: ${crowd.length} players signed in (${((performance.now() - setupStarted) / 1000).toFixed(0)} s of setup)`,
);

const result = await storm(admin, crowd, settings.stock);
console.log(`\nStorm: ${result.players} players at once, one auto-approved reward, stock ${result.stock}`);
console.log(`  first answers:        ${JSON.stringify(result.wave)}`);
console.log(`  after retrying:       ${JSON.stringify(result.final)}`);
console.log(
  `  answered per second:  ${result.answeredPerSecond.toFixed(0)} (first wave, every answer designed)`,
);
console.log(
  `  decided per second:   ${result.decidedPerSecond.toFixed(0)} (until every player had a decision)`,
);
console.log(`  latency, first wave:  p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}`);
for (const [outcome, figures] of Object.entries(result.byOutcome)) {
  console.log(`    ${outcome.padEnd(20)} ${figures}`);
}
console.log(`  database:             ${JSON.stringify(result.counts)}`);
console.log(`  invariant breaks:     ${result.breaks.length ? result.breaks.join('; ') : 'none'}`);

const cases = await latency(admin, crowd, settings);
const [, baseline] = cases[0];
console.log(
  `\nOne granted request, ${settings.samples} samples each, one at a time, cases in turn (median, p90, median ÷ first case):`,
);
for (const [name, figures] of cases) {
  console.log(
    `  ${name.padEnd(58)} ${ms(figures.median).padStart(9)} ${ms(figures.p90).padStart(9)}   ${(figures.median / baseline.median).toFixed(2)}×`,
  );
}
process.exitCode = result.breaks.length ? 1 : 0;
