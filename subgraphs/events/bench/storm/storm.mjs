// The launch moment: every player presses "claim" at once on one auto-approved reward.
import { randomUUID } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { RequestRewardDocument } from '@rewardgraph/api-client';
import { call, percentile, sleep, warmConnections } from './client.mjs';
import { offer } from './offer.mjs';
import { withEventDb } from './seed.mjs';

const MAX_RETRY_ROUNDS = 30;

const outcomeOf = (body) => {
  if (body.transport) return `transport error: ${body.transport}`;
  const request = body.data?.requestReward;
  if (request) return request.reason === 'OUT_OF_STOCK' ? 'OUT_OF_STOCK' : request.status;
  return body.errors?.[0]?.extensions?.code ?? 'no answer';
};

const tally = (outcomes) => outcomes.reduce((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});

async function ask(target, player, key) {
  const started = performance.now();
  const variables = { eventId: target.eventId, rewardId: target.rewardId, idempotencyKey: key };
  const body = await call(RequestRewardDocument, variables, player.token).catch((error) => ({
    transport: error.message,
  }));
  return { body, outcome: outcomeOf(body), ms: performance.now() - started };
}

/** Checked in the database after the storm: the invariants, not the answers. */
async function invariants(target, stock) {
  return withEventDb(async (db) => {
    const eventRewardId = new ObjectId(target.eventRewardId);
    const requests = await db.collection('reward_requests').find({ eventRewardId }).toArray();
    const approved = requests.filter((r) => r.status === 'APPROVED');
    const perPlayer = tally(requests.map((r) => r.userId));
    const counts = {
      approved: approved.length,
      slots: await db.collection('stock_slots').countDocuments({ eventRewardId }),
      claims: await db.collection('claims').countDocuments({ eventRewardId }),
      payouts: await db
        .collection('payouts')
        .countDocuments({ requestId: { $in: approved.map((r) => r._id) } }),
      received: requests.filter((r) => r.status === 'RECEIVED').length,
    };
    const breaks = [
      counts.approved !== stock && `approved ${counts.approved} ≠ stock ${stock}`,
      counts.slots !== counts.approved && `slots ${counts.slots} ≠ approved ${counts.approved}`,
      counts.claims !== counts.approved && `claims ${counts.claims} ≠ approved ${counts.approved}`,
      counts.payouts !== counts.approved && `payouts ${counts.payouts} ≠ approved ${counts.approved}`,
      counts.received > 0 && `${counts.received} requests left RECEIVED`,
      Object.values(perPlayer).some((n) => n > 1) && 'a player has two requests',
    ].filter(Boolean);
    return { counts, breaks };
  });
}

export async function storm(admin, players, stock) {
  const target = await offer(admin, { stock, autoResolve: true });
  const keys = players.map(() => randomUUID());
  await warmConnections(players.length);
  await sleep(1000);

  const started = performance.now();
  const wave = await Promise.all(players.map((player, i) => ask(target, player, keys[i])));
  const waveSeconds = (performance.now() - started) / 1000;

  // Players told RATE_LIMITED come back after retryAfterSeconds, with up to a second of
  // jitter as well-behaved clients do, and the same key, until each has a decision.
  const final = [...wave];
  const retry = async (i, round) => {
    while (final[i].outcome === 'RATE_LIMITED' && round++ < MAX_RETRY_ROUNDS) {
      const after = final[i].body.errors[0].extensions.retryAfterSeconds ?? 1;
      await sleep(after * 1000 + Math.random() * 1000);
      final[i] = await ask(target, players[i], keys[i]);
    }
  };
  await Promise.all(final.map((answer, i) => retry(i, 0)));
  const allSeconds = (performance.now() - started) / 1000;
  await sleep(500);

  const latencies = wave.map((answer) => answer.ms);
  const byOutcome = Object.fromEntries(
    Object.keys(tally(wave.map((a) => a.outcome))).map((outcome) => {
      const times = wave.filter((a) => a.outcome === outcome).map((a) => a.ms);
      return [
        outcome,
        `p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms`,
      ];
    }),
  );
  return {
    byOutcome,
    players: players.length,
    stock,
    wave: tally(wave.map((a) => a.outcome)),
    final: tally(final.map((a) => a.outcome)),
    answeredPerSecond: players.length / waveSeconds,
    decidedPerSecond: players.length / allSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    ...(await invariants(target, stock)),
  };
}
