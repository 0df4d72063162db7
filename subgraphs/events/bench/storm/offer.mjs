// An open event offering one fresh POINT reward, set up by the admin through the gateway.
import { randomUUID } from 'node:crypto';
import { ok } from './client.mjs';

export async function offer(admin, { stock = null, perUserLimit = 1, autoResolve = false } = {}) {
  const now = Date.now();
  const created = await ok(
    `mutation ($e: CreateEventInput!, $r: CreateRewardInput!) { createEvent(input: $e) { id } createReward(input: $r) { id } }`,
    {
      e: {
        name: `bench-${randomUUID()}`,
        periodStart: new Date(now - 60_000).toISOString(),
        periodEnd: new Date(now + 86_400_000).toISOString(),
        status: 'ACTIVE',
      },
      r: { type: 'POINT', name: 'bench points', points: 1 },
    },
    admin.token,
  );
  const eventId = created.createEvent.id;
  const rewardId = created.createReward.id;
  const { addEventReward } = await ok(
    'mutation ($e: ID!, $i: AddEventRewardInput!) { addEventReward(eventId: $e, input: $i) { id } }',
    { e: eventId, i: { rewardId, stock, autoResolve, perUserLimit } },
    admin.token,
  );
  return { eventId, rewardId, eventRewardId: addEventReward.id };
}

export const updateLimits = (admin, { eventId, rewardId }, input) =>
  ok(
    'mutation ($e: ID!, $r: ID!, $i: UpdateEventRewardInput!) { updateEventReward(eventId: $e, rewardId: $r, input: $i) { id } }',
    { e: eventId, r: rewardId, i: input },
    admin.token,
  );
