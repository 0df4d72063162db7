// An open event offering one fresh POINT reward, set up by the admin through the gateway.
import { randomUUID } from 'node:crypto';
import {
  AddEventRewardDocument,
  CreateEventDocument,
  CreateRewardDocument,
  UpdateEventRewardDocument,
} from '@rewardgraph/api-client';
import { ok } from './client.mjs';

export async function offer(admin, { stock = null, perUserLimit = 1, autoResolve = false } = {}) {
  const now = Date.now();
  const event = {
    name: `bench-${randomUUID()}`,
    periodStart: new Date(now - 60_000).toISOString(),
    periodEnd: new Date(now + 86_400_000).toISOString(),
    status: 'ACTIVE',
  };
  const reward = { type: 'POINT', name: 'bench points', points: 1 };
  const { createEvent } = await ok(CreateEventDocument, { input: event }, admin.token);
  const { createReward } = await ok(CreateRewardDocument, { input: reward }, admin.token);
  const [eventId, rewardId] = [createEvent.id, createReward.id];
  const { addEventReward } = await ok(
    AddEventRewardDocument,
    { eventId, input: { rewardId, stock, autoResolve, perUserLimit } },
    admin.token,
  );
  return { eventId, rewardId, eventRewardId: addEventReward.id };
}

export const updateLimits = (admin, { eventId, rewardId }, input) =>
  ok(UpdateEventRewardDocument, { eventId, rewardId, input }, admin.token);
