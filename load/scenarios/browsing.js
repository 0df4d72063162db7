// @ts-check
// A player opens the app: the open events, one of them with its rewards, their own
// requests and their wallet. Every read a player makes most often.
import {
  EventsDocument,
  EventWithRewardsDocument,
  MyRewardRequestsDocument,
  MyWalletDocument,
} from '../operations.js';
import { openOffer } from './offer.js';

/** @type {import('./types.js').Scenario} */
export const browsing = {
  name: 'browsing',
  description: 'players list the open events, read one with its rewards, their requests and their wallet',
  actor: 'player',
  // So the list is never empty on a fresh stack.
  setup: openOffer({ autoResolve: false, perUserLimit: 1, stock: () => null }),
  steps: [
    {
      name: 'event list',
      operation: EventsDocument,
      variables: () => ({ first: 20, filter: { isOpen: true } }),
      check: ({ events }) => events.nodes.length > 0 || 'no open event listed',
      keep: ({ events }, { state }) => {
        state.eventIds = events.nodes.map((/** @type {{ id: string }} */ event) => event.id);
      },
    },
    {
      name: 'event detail',
      operation: EventWithRewardsDocument,
      // VUs spread over the listed events, as players do.
      variables: ({ state, fixtures, vu, iteration }) => ({
        id: state.eventIds?.[(vu + iteration) % state.eventIds.length] ?? fixtures.eventId,
      }),
      check: ({ event }) => event !== null || 'a listed event was not found',
    },
    {
      name: 'my requests',
      operation: MyRewardRequestsDocument,
      variables: () => ({ first: 20 }),
    },
    {
      name: 'my wallet',
      operation: MyWalletDocument,
      check: ({ me }) => me.wallet.points >= 0 || 'negative points',
    },
  ],
  pauseSeconds: 1,
  options: {
    scenarios: { browsing: { executor: 'constant-vus', vus: 50, duration: '1m' } },
    thresholds: {
      checks: ['rate>0.99'],
      'http_req_duration{step:event list}': ['p(95)<200'],
      'http_req_duration{step:event detail}': ['p(95)<200'],
      'http_req_duration{step:my requests}': ['p(95)<300'],
      'http_req_duration{step:my wallet}': ['p(95)<300'],
    },
  },
};
