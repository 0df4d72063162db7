// @ts-check
// Setup steps shared by the scenarios that request rewards: an open event offering one
// fresh POINT reward, created by the admin; its ids go into the fixtures.
import { AddEventRewardDocument, CreateEventDocument, CreateRewardDocument } from '../operations.js';

/** @typedef {import('./types.js').Context} Context */

const DAY_MS = 86_400_000;

/**
 * @param {{ autoResolve: boolean, perUserLimit: number, stock: (context: Context) => number | null }} terms
 * @returns {import('./types.js').Step[]}
 */
export const openOffer = ({ autoResolve, perUserLimit, stock }) => [
  {
    name: 'create event',
    operation: CreateEventDocument,
    variables: ({ unique }) => ({
      input: {
        name: `load ${unique()}`,
        periodStart: new Date(Date.now() - 60_000).toISOString(),
        periodEnd: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        status: 'ACTIVE',
      },
    }),
    keep: ({ createEvent }, { fixtures }) => {
      fixtures.eventId = createEvent.id;
    },
  },
  {
    name: 'create reward',
    operation: CreateRewardDocument,
    variables: () => ({ input: { type: 'POINT', name: 'load points', points: 10 } }),
    keep: ({ createReward }, { fixtures }) => {
      fixtures.rewardId = createReward.id;
    },
  },
  {
    name: 'offer reward',
    operation: AddEventRewardDocument,
    variables: (context) => ({
      eventId: context.fixtures.eventId,
      input: { rewardId: context.fixtures.rewardId, autoResolve, perUserLimit, stock: stock(context) },
    }),
  },
];
