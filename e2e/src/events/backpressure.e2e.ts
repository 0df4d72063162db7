import { randomUUID } from 'node:crypto';
import { RequestRewardDocument } from '@rewardgraph/api-client';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser } from '../support/fixtures';
import { gql } from '../support/graphql';
import { offer } from '../support/catalog';
import { startEventsInstance, startGatewayInstance, type ExtraInstance } from '../support/stack';

const requestsOf = (userId: string) =>
  withDb(stack().eventDbUrl, (db) => db.collection('reward_requests').countDocuments({ userId }));

describe('backpressure on the money path', () => {
  let narrow: ExtraInstance;
  beforeAll(async () => {
    narrow = await startEventsInstance(stack(), 'events-narrow', 13103, {
      MONEY_PATH_CONCURRENCY: '1',
      MONEY_PATH_QUEUE: '2',
      MONEY_PATH_MAX_WAIT_MS: '400',
    });
  });
  afterAll(() => narrow.stop());

  it('when more players request at once than the service admits, then the rest are told RATE_LIMITED at once, with nothing written, and a retry later is decided', async () => {
    const { eventId, rewardId } = await offer();
    const players = await Promise.all(Array.from({ length: 20 }, (_, i) => newUser(`crowd-${i}`)));
    const url = `${narrow.url}/graphql`;
    const ask = (token: string, key: string) =>
      gql(RequestRewardDocument, { eventId, rewardId, idempotencyKey: key }, { token, url });

    const keys = players.map(() => randomUUID());
    const results = await Promise.all(players.map((p, i) => ask(p.token, keys[i]!)));

    const limited = results.flatMap((r, i) =>
      r.errors?.[0]?.extensions?.code === 'RATE_LIMITED' ? [i] : [],
    );
    const decided = results.flatMap((r, i) => (r.data?.requestReward.status === 'PENDING' ? [i] : []));
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.length + decided.length).toBe(players.length);
    for (const i of limited) {
      expect(results[i]!.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(await requestsOf(players[i]!.userId)).toBe(0);
    }
    for (const i of decided) expect(await requestsOf(players[i]!.userId)).toBe(1);

    const retried = await ask(players[limited[0]!]!.token, keys[limited[0]!]!);
    expect(retried.data?.requestReward.status).toBe('PENDING');
  });
});

describe('load shedding at the gateway', () => {
  let gateway: ExtraInstance;
  beforeAll(async () => {
    gateway = await startGatewayInstance(stack(), 'gateway-narrow', 13104, { GATEWAY_MAX_IN_FLIGHT: '2' });
  });
  afterAll(() => gateway.stop());

  it('when more API requests are in progress than it takes, then the rest get 503 RATE_LIMITED with Retry-After at once, readable by an allowed origin, and health still answers', async () => {
    const user = await newUser('shed');
    const origin = 'http://localhost:5173';
    const ask = () =>
      fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}`, origin },
        body: JSON.stringify({ query: '{ events(first: 5) { totalCount } }' }),
      });

    const [responses, health] = await Promise.all([
      Promise.all(Array.from({ length: 30 }, ask)),
      fetch(`${gateway.url}/health/ready`),
    ]);

    const shed = responses.filter((r) => r.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(responses.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(shed.length + responses.filter((r) => r.status === 200).length).toBe(30);
    const refusal = (await shed[0]!.json()) as { errors: { extensions: { code: string } }[] };
    expect(refusal.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(shed[0]!.headers.get('retry-after')).toBe('1');
    expect(shed[0]!.headers.get('access-control-allow-origin')).toBe(origin);
    expect(health.status).toBe(200);
  });
});
