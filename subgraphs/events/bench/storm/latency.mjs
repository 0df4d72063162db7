// How long one granted request takes, whatever the stock, the per-user limit or the data
// volume: each sample is timed alone, then rejected by the admin (untimed) so the next
// one meets the same state.
import { randomUUID } from 'node:crypto';
import { RequestRewardDocument, ReviewRewardRequestDocument } from '@rewardgraph/api-client';
import { call, ok, percentile, sleep } from './client.mjs';
import { offer, updateLimits } from './offer.mjs';
import { removeSeeded, seedClaims, seedRequests, seedSlots, withEventDb } from './seed.mjs';

const WARM_UP = 3;
const SETTLE_MS = 15_000;

async function sample(admin, target, player) {
  const started = performance.now();
  const { eventId, rewardId } = target;
  const body = await call(
    RequestRewardDocument,
    { eventId, rewardId, idempotencyKey: randomUUID() },
    player.token,
  );
  const ms = performance.now() - started;
  const request = body.data?.requestReward;
  if (request?.status !== 'PENDING') throw new Error(`expected PENDING, got ${JSON.stringify(body)}`);
  await ok(
    ReviewRewardRequestDocument,
    { id: request.id, input: { status: 'REJECTED', reason: 'bench' } },
    admin.token,
  );
  return ms;
}

/**
 * Samples of every case taken in turn (A, B, C, D, A, B, …), so whatever else the
 * machine does at some moment weighs on all cases alike.
 */
async function measureInTurn(admin, cases, samples) {
  for (const { target, playerFor } of cases) {
    for (let i = 0; i < WARM_UP; i++) await sample(admin, target, playerFor(i));
  }
  const times = cases.map(() => []);
  for (let i = 0; i < samples; i++) {
    for (const [c, { target, playerFor }] of cases.entries()) {
      times[c].push(await sample(admin, target, playerFor(WARM_UP + i)));
    }
  }
  return cases.map(({ name }, c) => [
    name,
    { median: percentile(times[c], 50), p90: percentile(times[c], 90) },
  ]);
}

/**
 * The volume goes in first and the machine is left to settle (PostgreSQL analyses and
 * vacuums after big inserts), so all four cases are measured in the same conditions;
 * the slots and claims written for the run are removed afterwards.
 */
export async function latency(admin, players, { samples, takenSlots, heldClaims, earlierRequests }) {
  const take = (from) => (i) => players[(from + i) % players.length];
  const holder = players[players.length - 1];
  const small = await offer(admin, { stock: 10 });
  const big = await offer(admin, { stock: 99_999 });
  const generous = await offer(admin, { perUserLimit: 999 });
  const later = await offer(admin, { stock: 10 });

  const seeded = await withEventDb(async (db) => {
    await seedSlots(db, big.eventRewardId, takenSlots);
    await seedClaims(db, generous.eventRewardId, holder.userId, heldClaims);
    return seedRequests(db, earlierRequests);
  });
  await updateLimits(admin, big, { stock: 100_000 });
  await updateLimits(admin, generous, { perUserLimit: 1_000 });
  await sleep(SETTLE_MS);

  const cases = await measureInTurn(
    admin,
    [
      { name: 'stock 10, perUserLimit 1', target: small, playerFor: take(0) },
      { name: `stock 100,000 (${takenSlots.toLocaleString('en')} taken)`, target: big, playerFor: take(100) },
      {
        name: `perUserLimit 1,000 (one player holding ${heldClaims})`,
        target: generous,
        playerFor: () => holder,
      },
      {
        name: `stock 10 with ${earlierRequests.toLocaleString('en')} earlier requests (${seeded.toLocaleString('en')} added now)`,
        target: later,
        playerFor: take(200),
      },
    ],
    samples,
  );
  await withEventDb((db) => removeSeeded(db, [big.eventRewardId, generous.eventRewardId]));
  return cases;
}
