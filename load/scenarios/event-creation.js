// @ts-check
// Operators prepare events: a draft event, a catalog reward, the reward offered on the
// event, and the event read back with its rewards. Drafts are invisible to players, so
// this load leaves the players' lists as they were.
import {
  AddEventRewardDocument,
  CreateEventDocument,
  CreateRewardDocument,
  EventWithRewardsDocument,
} from '../operations.js';

const DAY_MS = 86_400_000;

/** @type {import('./types.js').Scenario} */
export const eventCreation = {
  name: 'event-creation',
  description: 'operators create a draft event, a reward, offer it and read the event back',
  actor: 'operator',
  setup: [],
  steps: [
    {
      name: 'create event',
      operation: CreateEventDocument,
      variables: ({ unique }) => ({
        input: {
          name: `load draft ${unique()}`,
          periodStart: new Date(Date.now() + DAY_MS).toISOString(),
          periodEnd: new Date(Date.now() + 8 * DAY_MS).toISOString(),
          status: 'DRAFT',
        },
      }),
      keep: ({ createEvent }, { state }) => {
        state.eventId = createEvent.id;
      },
    },
    {
      name: 'create reward',
      operation: CreateRewardDocument,
      variables: ({ unique }) => ({ input: { type: 'BADGE', name: 'load badge', badgeId: unique() } }),
      keep: ({ createReward }, { state }) => {
        state.rewardId = createReward.id;
      },
    },
    {
      name: 'offer reward',
      operation: AddEventRewardDocument,
      variables: ({ state }) => ({
        eventId: state.eventId,
        input: { rewardId: state.rewardId, autoResolve: true, stock: 100, perUserLimit: 1 },
      }),
    },
    {
      name: 'read back',
      operation: EventWithRewardsDocument,
      variables: ({ state }) => ({ id: state.eventId }),
      check: ({ eventRewards }) => eventRewards.length === 1 || `${eventRewards.length} rewards offered`,
    },
  ],
  pauseSeconds: 1,
  options: {
    scenarios: { creation: { executor: 'constant-vus', vus: 5, duration: '1m' } },
    thresholds: {
      checks: ['rate>0.99'],
      'http_req_duration{step:create event}': ['p(95)<500'],
      'http_req_duration{step:offer reward}': ['p(95)<500'],
    },
  },
};
