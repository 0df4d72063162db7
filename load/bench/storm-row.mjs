// The request storm row: `npm run bench:storm`'s storm (subgraphs/events/bench/storm/),
// run on the bench's stack with the bench's players, its figures put in the table's terms.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { adminSignIn, signIn } from '../scenarios/actors.js';
import { contextFor } from '../scenarios/outcome.js';
import { VuClient } from '../node/client.mjs';
import { runSteps, Tally } from '../node/interpreter.mjs';
import { ROOT } from './profile.mjs';

const SIGN_IN_CONCURRENCY = 4;
/** The answers a storm is designed to end with: a decision for every player. */
const DECISIONS = new Set(['APPROVED', 'OUT_OF_STOCK']);

const anonymous = { tokenOf: () => undefined };

/** The admin's token: the storm sets up its offer through the API. */
async function adminOf(gatewayUrl, accounts) {
  const vu = {
    context: { ...contextFor(0, 1, '', {}), player: accounts.admin },
    client: new VuClient(gatewayUrl, 0),
  };
  const tally = new Tally();
  await runSteps(adminSignIn, 'anonymous', vu, anonymous, tally);
  if (!vu.context.state.signedIn)
    throw new Error(`the admin could not sign in: ${tally.unexpected().join('; ')}`);
  return { token: vu.context.state.signedIn.token };
}

/** `count` players load-player-1…, signed in (signed up first where the volume lacks them). */
async function stormPlayers(gatewayUrl, count, accounts) {
  const players = [];
  let next = 1;
  const tally = new Tally();
  await Promise.all(
    Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
      while (next <= count) {
        const n = next++;
        const vu = {
          context: contextFor(n, count, accounts.playerPassword, {}),
          client: new VuClient(gatewayUrl, n),
        };
        await runSteps(signIn, 'anonymous', vu, anonymous, tally);
        if (vu.context.state.signedIn) players.push({ token: vu.context.state.signedIn.token });
      }
    }),
  );
  if (players.length < count)
    throw new Error(`storm players could not sign in: ${tally.unexpected().join('; ')}`);
  return players;
}

/**
 * @param {{ gatewayUrl: string, eventDbUrl: string, players: number, accounts: any }} settings
 */
export async function measureStorm({ gatewayUrl, eventDbUrl, players, accounts }) {
  const stormModule = (file) =>
    import(pathToFileURL(join(ROOT, 'subgraphs', 'events', 'bench', 'storm', file)).href);
  const [{ storm }, { useGateway }, { useEventDb }] = await Promise.all(
    ['storm.mjs', 'client.mjs', 'seed.mjs'].map(stormModule),
  );
  // Loaded once per process, while each volume has its own stack.
  useGateway(gatewayUrl);
  useEventDb(eventDbUrl);
  process.stdout.write(`  request storm: signing in ${players} players… `);
  const crowd = await stormPlayers(gatewayUrl, players, accounts);
  const result = await storm(
    await adminOf(gatewayUrl, accounts),
    crowd,
    Math.max(1, Math.floor(players / 10)),
  );
  const undecided = Object.entries(result.final)
    .filter(([outcome]) => !DECISIONS.has(outcome))
    .reduce((sum, [, n]) => sum + n, 0);
  const row = {
    title: 'request storm',
    gateway: {
      rps: result.answeredPerSecond,
      p50: result.p50,
      p99: result.p99,
      errors: undecided + result.breaks.length,
    },
    storm: {
      wave: result.wave,
      final: result.final,
      decidedPerSecond: result.decidedPerSecond,
      breaks: result.breaks,
    },
  };
  console.log(
    `${row.gateway.rps.toFixed(0)} answers/s, p99 ${row.gateway.p99.toFixed(0)} ms, first answers ${JSON.stringify(result.wave)}`,
  );
  return row;
}
