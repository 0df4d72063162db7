// @ts-check
// Operators work the review queue while players keep requesting: a player asks for a
// reward that needs review, an operator reads the PENDING queue (oldest first) and
// decides one. Two operators may pick the same request: the second is told CONFLICT.
import { RequestRewardDocument, ReviewRewardRequestDocument, RewardRequestsDocument } from '../operations.js';
import { openOffer } from './offer.js';

/** @type {import('./types.js').Scenario} */
export const operatorReview = {
  name: 'operator-review',
  description: 'players request a reviewed reward; operators read the PENDING queue and decide',
  actor: 'operator',
  setup: openOffer({ autoResolve: false, perUserLimit: 10_000, stock: () => null }),
  steps: [
    {
      name: 'request reward',
      operation: RequestRewardDocument,
      as: 'player',
      variables: ({ fixtures, unique }) => ({
        eventId: fixtures.eventId,
        rewardId: fixtures.rewardId,
        idempotencyKey: unique(),
      }),
      retry: ['RATE_LIMITED'],
      check: ({ requestReward }) => requestReward.status === 'PENDING' || `got ${requestReward.status}`,
    },
    {
      name: 'review queue',
      operation: RewardRequestsDocument,
      variables: () => ({
        first: 20,
        orderBy: { field: 'CREATED_AT', direction: 'ASC' },
        filter: { status: 'PENDING' },
      }),
      keep: ({ rewardRequests }, { state }) => {
        state.pendingIds = rewardRequests.nodes.map((/** @type {{ id: string }} */ request) => request.id);
      },
    },
    {
      name: 'review',
      operation: ReviewRewardRequestDocument,
      when: ({ state }) => state.pendingIds?.length > 0,
      // Operators spread over the queue, as people do; some still meet on one request.
      variables: ({ state, vu, iteration }) => ({
        id: state.pendingIds[(vu + iteration) % state.pendingIds.length],
        input: iteration % 2 === 0 ? { status: 'APPROVED' } : { status: 'REJECTED', reason: 'load test' },
      }),
      designed: ['CONFLICT'],
      retry: ['RATE_LIMITED'],
    },
  ],
  pauseSeconds: 1,
  options: {
    scenarios: { review: { executor: 'constant-vus', vus: 10, duration: '1m' } },
    thresholds: {
      checks: ['rate>0.99'],
      'http_req_duration{step:review queue}': ['p(95)<300'],
      'http_req_duration{step:review}': ['p(95)<500'],
    },
  },
};
