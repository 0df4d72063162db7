// How long one granted request takes, whatever the stock, the per-user limit or the data
// volume: each sample is timed alone, then rejected by the admin (untimed) so the next
// one meets the same state.
import { randomUUID } from 'node:crypto';
import { call, ok, percentile } from './client.mjs';
import { offer, updateLimits } from './offer.mjs';
import { seedClaims, seedRequests, seedSlots, withEventDb } from './seed.mjs';

const REQUEST =
  'mutation ($e: ID!, $r: ID!, $k: String) { requestReward(eventId: $e, rewardId: $r, idempotencyKey: $k) { id status } }';
const REVIEW =
  'mutation ($id: ID!, $i: ReviewRewardRequestInput!) { reviewRewardRequest(id: $id, input: $i) { id } }';
const WARM_UP = 3;

async function sample(admin, target, player) {
  const started = performance.now();
  const body = await call(REQUEST, { e: target.eventId, r: target.rewardId, k: randomUUID() }, player.token);
  const ms = performance.now() - started;
  const request = body.data?.requestReward;
  if (request?.status !== 'PENDING') throw new Error(`expected PENDING, got ${JSON.stringify(body)}`);
  await ok(REVIEW, { id: request.id, i: { status: 'REJECTED', reason: 'bench' } }, admin.token);
  return ms;
}

async function measure(admin, target, playerFor, samples) {
  for (let i = 0; i < WARM_UP; i++) await sample(admin, target, playerFor(i));
  const times = [];
  for (let i = 0; i < samples; i++) times.push(await sample(admin, target, playerFor(WARM_UP + i)));
  return { median: percentile(times, 50), p90: percentile(times, 90) };
}

export async function latency(admin, players, { samples, takenSlots, heldClaims, earlierRequests }) {
  const take = (from) => (i) => players[(from + i) % players.length];
  const cases = [];

  const small = await offer(admin, { stock: 10 });
  cases.push(['stock 10, perUserLimit 1', await measure(admin, small, take(0), samples)]);

  const big = await offer(admin, { stock: 99_999 });
  await withEventDb((db) => seedSlots(db, big.eventRewardId, takenSlots));
  await updateLimits(admin, big, { stock: 100_000 });
  cases.push([
    `stock 100,000 (${takenSlots.toLocaleString('en')} taken)`,
    await measure(admin, big, take(100), samples),
  ]);

  const holder = players[players.length - 1];
  const generous = await offer(admin, { perUserLimit: 999 });
  await withEventDb((db) => seedClaims(db, generous.eventRewardId, holder.userId, heldClaims));
  await updateLimits(admin, generous, { perUserLimit: 1_000 });
  cases.push([
    `perUserLimit 1,000 (one player holding ${heldClaims})`,
    await measure(admin, generous, () => holder, samples),
  ]);

  const seeded = await withEventDb((db) => seedRequests(db, earlierRequests));
  const later = await offer(admin, { stock: 10 });
  cases.push([
    `stock 10 after ${earlierRequests.toLocaleString('en')} earlier requests (${seeded.toLocaleString('en')} added now)`,
    await measure(admin, later, take(200), samples),
  ]);
  return cases;
}
