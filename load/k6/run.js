// @ts-check
// The k6 interpreter of the load scenarios (../scenarios): the scenario named by
// SCENARIO, its k6 options and thresholds, each VU signed in as its own player.
// Run through docker/docker-compose.k6.yml (`npm run k6 -- <scenario>`, docs/load-testing.md).
// node/interpreter.mjs is the same interpreter on Node; both count answers by scenarios/outcome.js.
import { check, sleep } from 'k6';
import http from 'k6/http';
import { Counter } from 'k6/metrics';
import { adminSignIn, operatorSignIn, signIn } from '../scenarios/actors.js';
import { scenarios } from '../scenarios/index.js';
import {
  contextFor,
  designedCodes,
  MAX_ATTEMPTS,
  maxVusOf,
  OPERATOR_EMAIL,
  outcomeOf,
  senderOf,
} from '../scenarios/outcome.js';

/** @typedef {import('../scenarios/types.js').Step} Step */
/** @typedef {{ context: import('../scenarios/types.js').Context, playerToken?: string }} Vu */

const scenario = scenarios[__ENV.SCENARIO];
if (!scenario) throw new Error(`set SCENARIO to one of: ${Object.keys(scenarios).join(', ')}`);

const URL = __ENV.GATEWAY_URL || 'http://gateway:3333/graphql';
const ADMIN = {
  email: __ENV.ADMIN_EMAIL || 'admin@rewardgraph.local',
  password: __ENV.ADMIN_PASSWORD || 'rewardgraph-demo-admin',
};
const PLAYER_PASSWORD = __ENV.LOAD_PLAYER_PASSWORD || 'load-player-password';
const OPERATOR_PASSWORD = __ENV.LOAD_OPERATOR_PASSWORD || 'load-operator-password';
const VUS = maxVusOf(scenario.options);
/** Players signed in at once by the setup (argon2id: a login costs the auth service ~20 ms of CPU). */
const SIGN_IN_BATCH = 10;

export const options = {
  ...scenario.options,
  // Signing up and in hundreds of players on a fresh stack takes minutes.
  setupTimeout: '15m',
};

// A designed RATE_LIMITED arrives as HTTP 429 (a ceiling) or 503 (the gateway shedding load).
http.setResponseCallback(
  http.expectedStatuses(200, ...(designedCodes(scenario).includes('RATE_LIMITED') ? [429, 503] : [])),
);

const unexpectedAnswers = new Counter('unexpected_answers');

/** @param {string} sender @param {Vu} vu @param {Record<string, string>} tokens */
function tokenOf(sender, vu, tokens) {
  if (sender === 'anonymous') return undefined;
  if (sender === 'session') return vu.context.state.session;
  if (sender === 'player') return vu.playerToken;
  return tokens[sender];
}

/** @param {import('k6/http').RefinedResponse<any>} response @returns {any} */
function bodyOf(response) {
  try {
    return response.json();
  } catch {
    return null;
  }
}

/**
 * Runs steps for several VUs in lockstep (one http.batch per step), retrying a retried
 * code with the same variables after retryAfterSeconds. Returns whether every answer was ok or designed.
 * @param {Step[]} steps @param {string} defaultSender @param {Vu[]} vus @param {Record<string, string>} tokens
 */
function runSteps(steps, defaultSender, vus, tokens) {
  let allDesigned = true;
  for (const step of steps) {
    const sender = senderOf(step, /** @type {any} */ (defaultSender));
    let pending = vus
      .filter((vu) => !step.when || step.when(vu.context))
      .map((vu) => ({
        vu,
        attempt: 1,
        body: JSON.stringify({ query: step.operation, variables: step.variables?.(vu.context) ?? {} }),
      }));
    while (pending.length > 0) {
      const responses = http.batch(
        pending.map(({ vu, body }) => {
          const token = tokenOf(sender, vu, tokens);
          /** @type {Record<string, string>} */
          const headers = { 'content-type': 'application/json' };
          if (token) headers.authorization = `Bearer ${token}`;
          return { method: 'POST', url: URL, body, params: { headers, tags: { step: step.name } } };
        }),
      );
      /** @type {typeof pending} */
      const again = [];
      let waitSeconds = 0;
      responses.forEach((response, i) => {
        const { vu, attempt } = pending[i];
        const body = bodyOf(response);
        const outcome = outcomeOf(step, response.status, body, vu.context);
        if (outcome.kind === 'retry' && attempt < MAX_ATTEMPTS) {
          again.push({ ...pending[i], attempt: attempt + 1 });
          waitSeconds = Math.max(waitSeconds, outcome.retryAfterSeconds ?? 1);
          return;
        }
        const designed = outcome.kind === 'ok' || outcome.kind === 'designed';
        check(response, { 'designed answer': () => designed }, { step: step.name });
        if (!designed) {
          allDesigned = false;
          unexpectedAnswers.add(1, { step: step.name, detail: String(outcome.detail) });
        }
        if (outcome.kind === 'ok') step.keep?.(body.data, vu.context);
      });
      // Jitter, as well-behaved clients add, so the retries do not come back as one wave.
      if (again.length > 0) sleep(waitSeconds + Math.random());
      pending = again;
    }
  }
  return allDesigned;
}

/** @param {Step[]} steps @param {Vu[]} vus @param {Record<string, string>} tokens @param {string} who */
function signInAll(steps, vus, tokens, who) {
  if (!runSteps(steps, 'anonymous', vus, tokens)) throw new Error(`${who} could not sign in`);
  return vus.map((vu) => vu.context.state.signedIn.token);
}

/** @param {string} actor */
const needs = (actor) => scenario.actor === actor || scenario.steps.some((step) => step.as === actor);

/** @param {{ email: string, password: string }} account @returns {Vu} */
const desk = (account) => ({ context: { ...contextFor(0, VUS, PLAYER_PASSWORD, {}), player: account } });

/** Once per run: the accounts, each VU's player (signed up when missing), and the scenario's setup. */
export function setup() {
  /** @type {Record<string, string>} */
  const tokens = {};
  [tokens.admin] = signInAll(adminSignIn, [desk(ADMIN)], tokens, 'the admin');
  if (needs('operator')) {
    const operator = desk({ email: OPERATOR_EMAIL, password: OPERATOR_PASSWORD });
    [tokens.operator] = signInAll(operatorSignIn, [operator], tokens, 'the operator');
  }
  /** @type {string[]} */
  const playerTokens = [];
  if (needs('player')) {
    for (let first = 1; first <= VUS; first += SIGN_IN_BATCH) {
      const batch = Array.from({ length: Math.min(SIGN_IN_BATCH, VUS - first + 1) }, (_, i) => ({
        context: contextFor(first + i, VUS, PLAYER_PASSWORD, {}),
      }));
      playerTokens.push(...signInAll(signIn, batch, tokens, `players ${first}…`));
    }
  }
  const admin = desk(ADMIN);
  if (!runSteps(scenario.setup, 'admin', [admin], tokens)) throw new Error(`${scenario.name} setup failed`);
  return { tokens, playerTokens, fixtures: admin.context.fixtures };
}

/** This VU, made at its first iteration (k6 gives every VU its own copy of this module). */
/** @type {Vu | undefined} */
let me;

/** @param {ReturnType<typeof setup>} data */
export default function (data) {
  me = me || {
    context: contextFor(__VU, VUS, PLAYER_PASSWORD, data.fixtures),
    playerToken: data.playerTokens[__VU - 1],
  };
  runSteps(scenario.steps, scenario.actor, [me], data.tokens);
  me.context.iteration += 1;
  if (scenario.pauseSeconds > 0) sleep(scenario.pauseSeconds);
}
