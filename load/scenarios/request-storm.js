// @ts-check
// The launch moment of the money-path issue: every player presses "claim" at once on one
// auto-approved reward with little stock. RATE_LIMITED is the design's answer to more than
// the service decides at once: the player comes back after retryAfterSeconds with the
// same idempotency key, until they have a decision (APPROVED, or REJECTED out of stock).
import { RequestRewardDocument } from '../operations.js';
import { openOffer } from './offer.js';

/** One unit of stock per ten players, as in `npm run bench:storm` (1,000 players, stock 100). */
const stockFor = (/** @type {number} */ vus) => Math.max(1, Math.floor(vus / 10));

/** @type {import('./types.js').Scenario} */
export const requestStorm = {
  name: 'request-storm',
  description: 'every player requests one auto-approved reward at the same moment; stock for one in ten',
  actor: 'player',
  setup: openOffer({ autoResolve: true, perUserLimit: 1, stock: ({ vus }) => stockFor(vus) }),
  steps: [
    {
      name: 'request reward',
      operation: RequestRewardDocument,
      variables: ({ fixtures, unique }) => ({
        eventId: fixtures.eventId,
        rewardId: fixtures.rewardId,
        idempotencyKey: unique(),
      }),
      retry: ['RATE_LIMITED'],
      // A player who already won their one unit and presses again (a later iteration).
      designed: ['CONFLICT'],
      check: ({ requestReward }) =>
        ['APPROVED', 'REJECTED'].includes(requestReward.status) || `decided ${requestReward.status}`,
    },
  ],
  pauseSeconds: 0,
  options: {
    scenarios: {
      storm: { executor: 'per-vu-iterations', vus: 500, iterations: 1, maxDuration: '2m' },
    },
    thresholds: {
      // Every player gets a decision, and the first answer comes fast even when it says "come back".
      checks: ['rate==1'],
      'http_req_duration{step:request reward}': ['p(99)<2000'],
    },
  },
};
