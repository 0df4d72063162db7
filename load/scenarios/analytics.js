// @ts-check
// Staff open the analytics page: every figure of the last 30 days.
import { AnalyticsDocument } from '../operations.js';

const DAY_MS = 86_400_000;

/** @type {import('./types.js').Scenario} */
export const analytics = {
  name: 'analytics',
  description: 'operators read the analytics of the last 30 days',
  actor: 'operator',
  setup: [],
  steps: [
    {
      name: 'analytics 30 days',
      operation: AnalyticsDocument,
      variables: () => ({
        range: { from: new Date(Date.now() - 30 * DAY_MS).toISOString(), to: new Date().toISOString() },
      }),
      check: ({ userAnalytics }) => userAnalytics.totalUsers > 0 || 'no users counted',
    },
  ],
  pauseSeconds: 2,
  options: {
    scenarios: { analytics: { executor: 'constant-vus', vus: 5, duration: '1m' } },
    thresholds: {
      checks: ['rate>0.99'],
      'http_req_duration{step:analytics 30 days}': ['p(95)<1000'],
    },
  },
};
