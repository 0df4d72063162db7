import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ObjectId } from 'mongodb';
import { LoginDocument, MyWalletDocument, RequestRewardDocument } from '@rewardgraph/api-client';
import { offer } from '../support/catalog';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser, type Session } from '../support/fixtures';
import { gql, gqlOk } from '../support/graphql';
import { newCallLog, untilFinal } from '../support/retrying-player';
import { scaledPid, SCALED_PORT, upScaled } from '../support/scaled-stack';
import { eventually } from '../support/sessions';

const PLAYERS = 80;
const STOCK = 30;
const POINTS = 3;
/** One instance of each subgraph; their ports in scripts/scaled/stack.sh. */
const KILLED = { 'auth-1': SCALED_PORT + 20, 'events-1': SCALED_PORT + 30 };

async function inBatches<T>(n: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let i = 0; i < n; i += size) {
    made.push(...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => make(i + j)))));
  }
  return made;
}

const logOf = (name: string) => readFileSync(join(stack().logsDir, 'scaled', `${name}.log`), 'utf8');

describe('failover in a storm, through the balancer', () => {
  jest.setTimeout(240_000);

  it('when one instance of each subgraph is killed mid-storm and started again, then every player gets a designed answer, the invariants hold and nothing stays unfinished', async () => {
    const info = stack();
    const { eventId, rewardId } = await offer({
      stock: STOCK,
      autoResolve: true,
      perUserLimit: 1,
      reward: { type: 'POINT', points: POINTS },
    });
    const players = await inBatches(PLAYERS, 10, (i) => newUser(`storm-${i}`));
    const log = newCallLog();

    // Each player signs in (auth), asks for the reward with a key of its own (events),
    // and reads its wallet (both), retrying what the design says to retry.
    const journey = async (player: Session, i: number) => {
      await sleep(i * 20);
      const key = randomUUID();
      const input = { email: player.email, password: player.password };
      await untilFinal(log, 'login', () => gql(LoginDocument, { input }));
      const decided = await untilFinal(
        log,
        'requestReward',
        () => gql(RequestRewardDocument, { eventId, rewardId, idempotencyKey: key }, { token: player.token }),
        { pending: (data) => data.requestReward.status === 'RECEIVED' },
      );
      await untilFinal(log, 'wallet', () => gql(MyWalletDocument, {}, { token: player.token }));
      return decided?.requestReward;
    };
    const storm = Promise.all(players.map(journey));

    await sleep(500);
    for (const name of Object.keys(KILLED)) process.kill(scaledPid(info, name), 'SIGKILL');
    await sleep(1500);
    await upScaled(info);
    const decisions = await storm;

    // Every answer was one the design gives, and every player got a decision.
    expect(log.undesigned).toEqual([]);
    const approved = decisions.filter((d) => d?.status === 'APPROVED');
    const refused = decisions.filter((d) => d?.status === 'REJECTED' && d.reason === 'OUT_OF_STOCK');
    expect(approved.length + refused.length).toBe(PLAYERS);
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.length).toBeLessThanOrEqual(STOCK);

    // The balancer met the killed instances during the storm: the kill was felt.
    const balancerLog = readFileSync(join(info.logsDir, 'scaled', 'balancer-error.log'), 'utf8');
    for (const port of Object.values(KILLED)) expect(balancerLog).toContain(`127.0.0.1:${port}`);

    // Nothing stays half-done, and the books agree with the answers.
    const userIds = players.map((p) => p.userId);
    const ledger = await withDb(info.eventDbUrl, async (db) => {
      const requests = db.collection('reward_requests');
      const mine = { userId: { $in: userIds } };
      const unfinished = () => requests.countDocuments({ ...mine, status: 'RECEIVED' });
      expect(await eventually(async () => (await unfinished()) === 0, 20_000)).toBe(true);
      const eventRewardId = (await requests.findOne(mine))!.eventRewardId as ObjectId;
      return {
        requests: await requests.countDocuments(mine),
        approved: await requests.countDocuments({ ...mine, status: 'APPROVED' }),
        payouts: await db.collection('payouts').countDocuments(mine),
        claims: await db.collection('claims').countDocuments({ eventRewardId }),
        slots: await db.collection('stock_slots').countDocuments({ eventRewardId }),
        unappliedReviews: await db.collection('reviews').countDocuments({ applied: false }),
      };
    });
    const n = approved.length;
    expect(ledger).toEqual({
      requests: PLAYERS,
      approved: n,
      payouts: n,
      claims: n,
      slots: n,
      unappliedReviews: 0,
    });

    // After the restart every player's wallet holds what its answer said, read through
    // both instances of each subgraph, the restarted ones included.
    const paid = new Set(approved.map((d) => d!.userId));
    const wallets = await inBatches(PLAYERS, 20, async (i) => {
      const { me } = await gqlOk(MyWalletDocument, {}, { token: players[i].token });
      return me.wallet.points;
    });
    expect(wallets).toEqual(players.map((p) => (paid.has(p.userId) ? POINTS : 0)));
    // The restarted instances serve again: nginx retries an instance it marked failed only
    // after its fail_timeout, so reads continue until both have answered one.
    const restartedServe = () =>
      Object.keys(KILLED).every((name) => logOf(name).includes('"graphql operation"'));
    const served = await eventually(async () => {
      await gqlOk(MyWalletDocument, {}, { token: players[0].token });
      return restartedServe();
    }, 15_000);
    expect(served).toBe(true);
  });
});
