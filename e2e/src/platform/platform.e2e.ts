import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withDb } from '../support/databases';
import { stack } from '../support/env';
import { newUser } from '../support/fixtures';
import { gql } from '../support/graphql';

const indexNames = (url: string, collection: string) =>
  withDb(url, async (db) =>
    (await db.collection(collection).listIndexes().toArray()).map((i) => ({
      name: i.name,
      unique: !!i.unique,
    })),
  );

describe('the platform around the API', () => {
  it.each([
    ['userDbUrl', 'users', ['email_unique:unique', 'roles', 'sign_up_day', 'user_created']],
    ['userDbUrl', 'logins', ['unpublished', 'user_newest']],
    ['userDbUrl', 'outbox', ['unpublished']],
    [
      'eventDbUrl',
      'events',
      [
        'status_period_end',
        'event_day',
        'status_newest',
        'status_period_start',
        'status_name',
        'period_start',
        'name_order',
      ],
    ],
    ['eventDbUrl', 'rewards', ['type_newest', 'reward_created']],
    ['eventDbUrl', 'event_rewards', ['event_reward_unique:unique', 'reward_events']],
    [
      'eventDbUrl',
      'reward_requests',
      [
        'request_idempotency:unique',
        'user_newest',
        'event_status',
        'status_newest',
        'day_status',
        'user_updated',
        'status_updated',
        'updated_newest',
      ],
    ],
    ['eventDbUrl', 'claims', ['claim_unique:unique', 'claim_request']],
    ['eventDbUrl', 'stock_slots', ['slot_unique:unique', 'slot_request']],
    ['eventDbUrl', 'reviews', ['review_unique:unique', 'review_applied']],
    ['eventDbUrl', 'payouts', ['payout_unique:unique', 'payout_user_fold']],
    ['eventDbUrl', 'wallet_snapshots', ['wallet_version_unique:unique']],
    ['eventDbUrl', 'activities', ['activity_key_unique:unique', 'activity_user_name_time', 'activity_day']],
    ['eventDbUrl', 'login_days', ['login_day_unique:unique', 'login_day']],
    ['eventDbUrl', 'processed_bus_events', ['processed_event_unique:unique']],
  ] as const)(
    'when the services have started, then %s.%s has every index its model declares',
    async (db, collection, expected) => {
      const found = (await indexNames(stack()[db], collection)).map((i) =>
        i.unique ? `${i.name}:unique` : i.name,
      );
      expect(found).toEqual(expect.arrayContaining([...expected]));
    },
  );

  it('when a client sends a request id, then the gateway echoes it and the subgraph logs carry it', async () => {
    const requestId = `e2e-${randomUUID()}`;
    const user = await newUser('trace');

    const result = await gql(
      `{ me { id rewardRequests { totalCount } } }`,
      {},
      { token: user.token, headers: { 'x-request-id': requestId } },
    );

    expect(result.headers.get('x-request-id')).toBe(requestId);
    for (const service of ['auth', 'events']) {
      const deadline = Date.now() + 5000;
      let logged = false;
      while (!logged && Date.now() < deadline) {
        logged = readFileSync(join(stack().logsDir, `${service}.log`), 'utf8').includes(
          `"requestId":"${requestId}"`,
        );
        if (!logged) await new Promise((r) => setTimeout(r, 100));
      }
      expect({ service, logged }).toEqual({ service, logged: true });
    }
  });

  it.each(['gatewayUrl', 'authUrl', 'eventsUrl'] as const)(
    'when %s is asked for liveness and readiness, then both are OK',
    async (which) => {
      const base = stack()[which];
      const [live, ready] = await Promise.all([fetch(`${base}/health/live`), fetch(`${base}/health/ready`)]);
      expect([live.status, ready.status]).toEqual([200, 200]);
      expect(((await ready.json()) as { status: string }).status).toBe('ready');
    },
  );

  it('when a simple GET query has no preflight header, then CSRF prevention refuses it', async () => {
    const response = await fetch(
      `${stack().gatewayUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`,
    );
    expect(response.status).toBe(400);
  });

  it.each([
    [
      'gatewayUrl',
      'malformed JSON',
      '{"query": "{ __typename }", "pass',
      400,
      'The request body is not valid JSON',
    ],
    ['eventsUrl', 'malformed JSON', '{"query": ', 400, 'The request body is not valid JSON'],
    [
      'gatewayUrl',
      'a body over 1 MB',
      JSON.stringify({ query: `# ${'x'.repeat(1_100_000)}` }),
      413,
      'The request body is too large',
    ],
    [
      'authUrl',
      'a body over 1 MB',
      JSON.stringify({ query: `# ${'x'.repeat(1_100_000)}` }),
      413,
      'The request body is too large',
    ],
  ] as const)(
    'when %s gets %s, then the answer is a JSON GraphQL error with BAD_REQUEST and its status, not an HTML page',
    async (which, _what, body, status, message) => {
      const response = await fetch(`${stack()[which]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });

      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    },
  );

  it('when an error reaches a client outside development, then it carries no stack trace', async () => {
    const result = await gql(`{ event(id: "bad") { id } }`, {}, { token: (await newUser('stack')).token });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|\.ts:|\.js:/);
  });

  it('when the metrics endpoint is scraped, then it exposes Prometheus metrics labelled by service', async () => {
    const text = await (await fetch(`${stack().eventsUrl}/metrics`)).text();
    expect(text).toMatch(/process_cpu_seconds_total\{service="events"\}/);
  });
});
