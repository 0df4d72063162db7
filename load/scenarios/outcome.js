// @ts-check
// How an answer counts, and who sends a step: the rules both interpreters (k6/run.js,
// node/interpreter.mjs) apply, so a scenario means the same under k6 and under Node.

/** @typedef {import('./types.js').Step} Step */
/** @typedef {import('./types.js').Context} Context */
/** @typedef {import('./types.js').Outcome} Outcome */

/** Sends of one step before a retried code counts as its answer. */
export const MAX_ATTEMPTS = 30;

/**
 * @param {Step} step
 * @param {number} status HTTP status
 * @param {any} body the parsed JSON body, or null when it was not JSON
 * @param {Context} context
 * @returns {Outcome}
 */
export function outcomeOf(step, status, body, context) {
  const error = body?.errors?.[0];
  const code = error?.extensions?.code;
  if (code) {
    if (step.retry?.includes(code)) {
      return {
        kind: 'retry',
        detail: code,
        retryAfterSeconds: Number(error.extensions.retryAfterSeconds ?? 1),
      };
    }
    return { kind: step.designed?.includes(code) ? 'designed' : 'unexpected', detail: code };
  }
  if (status !== 200 || !body?.data) return { kind: 'unexpected', detail: `HTTP ${status}` };
  const verdict = step.check ? step.check(body.data, context) : true;
  return verdict === true ? { kind: 'ok' } : { kind: 'unexpected', detail: verdict };
}

/**
 * Who sends a step: its own `as`, else the scenario's actor.
 * @param {Step} step
 * @param {import('./types.js').Scenario['actor'] | 'admin'} actor
 * @returns {import('./types.js').Actor}
 */
export const senderOf = (step, actor) => step.as ?? actor;

/**
 * The error codes a scenario may answer with by design (HTTP statuses follow from them).
 * @param {import('./types.js').Scenario} scenario
 */
export const designedCodes = (scenario) => [
  ...new Set(scenario.steps.flatMap((step) => [...(step.designed ?? []), ...(step.retry ?? [])])),
];

/**
 * How many VUs a k6 options object runs at most: that many players are signed in.
 * @param {Record<string, any>} options
 */
export function maxVusOf(options) {
  const counts = Object.values(options.scenarios ?? {}).map((s) =>
    Math.max(
      s.vus ?? 0,
      s.maxVUs ?? 0,
      s.preAllocatedVUs ?? 0,
      ...(s.stages ?? []).map((/** @type {{ target: number }} */ stage) => stage.target),
    ),
  );
  return Math.max(1, options.vus ?? 0, ...counts);
}

/**
 * A VU's context before its first iteration.
 * @param {number} vu
 * @param {number} vus
 * @param {string} playerPassword
 * @param {Record<string, any>} fixtures
 * @returns {Context}
 */
export function contextFor(vu, vus, playerPassword, fixtures) {
  let calls = 0;
  const run = Math.random().toString(36).slice(2, 10);
  return {
    vu,
    vus,
    iteration: 0,
    player: { email: playerEmail(vu), password: playerPassword },
    state: {},
    fixtures,
    unique: () => `${run}-${vu}-${++calls}`,
  };
}

/**
 * Player n of every load run: the volume seed writes load-player-1 … load-player-10000
 * with the same password, and k6's setup signs up the ones a fresh stack lacks.
 * @param {number} n
 */
export const playerEmail = (n) => `load-player-${n}@load.rewardgraph.test`;

/** The staff account that operator scenarios share (set up by the admin when missing). */
export const OPERATOR_EMAIL = 'load-operator@load.rewardgraph.test';
