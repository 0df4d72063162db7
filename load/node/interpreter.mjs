// The Node interpreter of the load scenarios (../scenarios): signs in the accounts a
// scenario needs, runs its setup, then runs the VUs' steps and counts every answer as
// the scenario says (ok, designed, retried, unexpected). The e2e test and the bench use it;
// k6/run.js is the same interpreter on k6's synchronous HTTP API.
import { setTimeout as sleep } from 'node:timers/promises';
import { adminSignIn, operatorSignIn, signIn } from '../scenarios/actors.js';
import { contextFor, MAX_ATTEMPTS, OPERATOR_EMAIL, outcomeOf, senderOf } from '../scenarios/outcome.js';
import { VuClient } from './client.mjs';

/** Logins at once while signing players in: argon2id keeps the auth service's cores busy. */
const SIGN_IN_CONCURRENCY = 4;

/**
 * @typedef {object} Accounts
 * @property {{ email: string, password: string }} admin
 * @property {string} playerPassword
 * @property {string} operatorPassword
 */

/**
 * @typedef {object} Vu
 * @property {import('../scenarios/types.js').Context} context
 * @property {VuClient} client
 * @property {string} [playerToken]
 */

/** Answers counted per step: `ok`, or the kind and detail (`designed CONFLICT`). */
export class Tally {
  /** @param {string[]} [declared] steps listed even when they never ran (a `when` that never held) */
  constructor(declared = []) {
    /** @type {Record<string, Record<string, number>>} */
    this.steps = Object.fromEntries(declared.map((name) => [name, {}]));
  }

  add(step, outcome) {
    const key = outcome.kind === 'ok' ? 'ok' : `${outcome.kind} ${outcome.detail}`;
    const counts = (this.steps[step] ??= {});
    counts[key] = (counts[key] ?? 0) + 1;
  }

  /** Every answer that was neither ok nor designed, as "step: what ×n". */
  unexpected() {
    return Object.entries(this.steps).flatMap(([step, counts]) =>
      Object.entries(counts)
        .filter(([key]) => key.startsWith('unexpected'))
        .map(([key, n]) => `${step}: ${key} ×${n}`),
    );
  }
}

/** Who sends what, with which token. */
class Senders {
  constructor(tokens) {
    this.tokens = tokens;
  }

  tokenOf(sender, vu) {
    if (sender === 'anonymous') return undefined;
    if (sender === 'session') return vu.context.state.session;
    if (sender === 'player') return vu.playerToken;
    return this.tokens[sender];
  }
}

/**
 * Runs steps for one VU, in order. A step whose answer is a retried code is sent again
 * with the same variables after retryAfterSeconds (and up to a second of jitter).
 * @returns {Promise<void>}
 */
export async function runSteps(steps, defaultSender, vu, senders, tally) {
  for (const step of steps) {
    if (step.when && !step.when(vu.context)) continue;
    const variables = step.variables?.(vu.context) ?? {};
    const token = senders.tokenOf(senderOf(step, defaultSender), vu);
    for (let attempt = 1; ; attempt++) {
      const { status, body } = await vu.client.send(step.operation, variables, token);
      const outcome = outcomeOf(step, status, body, vu.context);
      if (outcome.kind === 'retry' && attempt < MAX_ATTEMPTS) {
        await sleep(outcome.retryAfterSeconds * 1000 + Math.random() * 1000);
        continue;
      }
      tally.add(step.name, outcome.kind === 'retry' ? { ...outcome, kind: 'unexpected' } : outcome);
      if (outcome.kind === 'ok') step.keep?.(body.data, vu.context);
      break;
    }
  }
}

/** Runs account steps that must all succeed; fails with what went wrong otherwise. */
async function signedIn(steps, vu, senders, what) {
  const tally = new Tally();
  await runSteps(steps, 'anonymous', vu, senders, tally);
  const problems = tally.unexpected();
  if (problems.length || !vu.context.state.signedIn) {
    throw new Error(`${what} could not sign in: ${problems.join('; ') || 'no session'}`);
  }
  return vu.context.state.signedIn.token;
}

const needs = (scenario, actor) => scenario.actor === actor || scenario.steps.some((s) => s.as === actor);

/** Runs tasks with at most `limit` at once. */
async function inPool(tasks, limit) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) await tasks[next++]();
    }),
  );
}

/**
 * Everything a scenario's VUs need before the first iteration: the admin and (when the
 * scenario needs them) the operator and one player per VU signed in, and the setup run.
 * @param {import('../scenarios/types.js').Scenario} scenario
 * @param {{ gatewayUrl: string, vus: number, accounts: Accounts }} options
 */
export async function prepare(scenario, { gatewayUrl, vus, accounts }) {
  const desk = (player) => ({
    context: { ...contextFor(0, vus, accounts.playerPassword, {}), player },
    client: new VuClient(gatewayUrl, 0),
  });
  const senders = new Senders({});
  senders.tokens.admin = await signedIn(adminSignIn, desk(accounts.admin), senders, 'the admin');
  if (needs(scenario, 'operator')) {
    const operator = { email: OPERATOR_EMAIL, password: accounts.operatorPassword };
    senders.tokens.operator = await signedIn(operatorSignIn, desk(operator), senders, 'the operator');
  }

  const setup = desk(accounts.admin);
  const setupTally = new Tally();
  await runSteps(scenario.setup, 'admin', setup, senders, setupTally);
  if (setupTally.unexpected().length) {
    throw new Error(`${scenario.name} setup failed: ${setupTally.unexpected().join('; ')}`);
  }

  /** @type {Vu[]} */
  const vuList = Array.from({ length: vus }, (_, i) => ({
    context: contextFor(i + 1, vus, accounts.playerPassword, setup.context.fixtures),
    client: new VuClient(gatewayUrl, i + 1),
  }));
  if (needs(scenario, 'player')) {
    await inPool(
      vuList.map((vu) => async () => {
        vu.playerToken = await signedIn(signIn, vu, senders, vu.context.player.email);
        delete vu.context.state.signedIn;
      }),
      SIGN_IN_CONCURRENCY,
    );
  }
  return { scenario, senders, vus: vuList };
}

/** One iteration of every step, for one VU. */
export async function iterate(run, vu, tally, steps = run.scenario.steps) {
  await runSteps(steps, run.scenario.actor, vu, run.senders, tally);
  vu.context.iteration += 1;
}

/** The headers a VU's call of `step` carries: its address, cookies and the sender's token. */
export const headersFor = (run, vu, step) =>
  vu.client.headers(run.senders.tokenOf(senderOf(step, run.scenario.actor), vu));
