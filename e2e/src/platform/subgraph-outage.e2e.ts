import { stack } from '../support/env';
import { adminSession, createEvent, type Session } from '../support/fixtures';
import { gql } from '../support/graphql';
import { samplesOf } from '../support/metrics-text';
import { eventually } from '../support/sessions';
import {
  isolatedEventsEnv,
  startEventsInstance,
  startGatewayInstance,
  type ExtraInstance,
} from '../support/stack';
import { freePort, startThrowawayRedis, type ThrowawayRedis } from '../support/throwaway-redis';

/** The gateway's deadline for a subgraph in this test. */
const SUBGRAPH_TIMEOUT_MS = 1000;
const PROBE = { DEPENDENCY_PROBE_MS: '200' };

const subgraphHealth = async (url: string) => {
  const response = await fetch(`${url}/health/subgraphs`);
  return { status: response.status, body: (await response.json()) as { subgraphs: Record<string, string> } };
};

const dependencyUp = async (url: string, dependency: string) =>
  (await samplesOf(url, 'rewardgraph_dependency_up', { dependency }))[0]?.value;

/**
 * A gateway of its own in front of the stack's auth and an events service of its own
 * (its own database and Redis: isolatedEventsEnv), which the test hangs with SIGSTOP: the process keeps its port and the kernel still
 * accepts connections, but nothing answers, as with a deadlocked or swapping service.
 */
describe('a hung subgraph', () => {
  let redis: ThrowawayRedis;
  let events: ExtraInstance;
  let gateway: ExtraInstance;
  let admin: Session;
  let eventId: string;
  const both = () =>
    gql<{ me: { email: string }; event: { id: string } | null }>(
      `query Both($id: ID!) { me { email } event(id: $id) { id } }`,
      { id: eventId },
      { token: admin.token, url: `${gateway.url}/graphql` },
    );

  beforeAll(async () => {
    admin = await adminSession();
    redis = await startThrowawayRedis();
    events = await startEventsInstance(stack(), 'events-hung', await freePort(), {
      ...PROBE,
      ...isolatedEventsEnv(stack(), 'hung', redis.url),
    });
    gateway = await startGatewayInstance(stack(), 'gateway-outage', await freePort(), {
      ...PROBE,
      EVENTS_URL: `${events.url}/graphql`,
      SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
    });
    eventId = (await createEvent(admin.token, {}, { url: `${gateway.url}/graphql` })).id;
  }, 120_000);
  afterAll(async () => {
    events?.process.kill('SIGCONT');
    await Promise.allSettled([gateway?.stop(), events?.stop()]);
    await redis?.stop();
  });

  it('when every subgraph answers, then subgraph health is 200 and each dependency gauge is 1', async () => {
    expect(await subgraphHealth(gateway.url)).toEqual({
      status: 200,
      body: { status: 'ok', subgraphs: { auth: 'up', events: 'up' } },
    });
    expect(await dependencyUp(gateway.url, 'subgraph-events')).toBe(1);
    expect(await dependencyUp(gateway.url, 'subgraph-auth')).toBe(1);
  });

  describe('when the events subgraph stops answering', () => {
    beforeAll(async () => {
      events.process.kill('SIGSTOP');
      expect(
        await eventually(async () => (await dependencyUp(gateway.url, 'subgraph-events')) === 0, 10_000),
      ).toBe(true);
    }, 20_000);
    afterAll(() => events.process.kill('SIGCONT'));

    it('then the gateway stays ready: a balancer keeps it, since what auth serves still works', async () => {
      expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);
    });

    it('then subgraph health says which subgraph is down, and so does its gauge', async () => {
      expect(await subgraphHealth(gateway.url)).toEqual({
        status: 503,
        body: { status: 'degraded', subgraphs: { auth: 'up', events: 'down' } },
      });
      expect(await dependencyUp(gateway.url, 'subgraph-auth')).toBe(1);
    });

    it("then an operation over both answers within the deadline: auth's fields, and SERVICE_UNAVAILABLE to retry for the rest", async () => {
      const started = Date.now();
      const result = await both();
      const elapsed = Date.now() - started;

      expect(result.data).toEqual({ me: { email: admin.email }, event: null });
      expect(result.errors).toEqual([
        expect.objectContaining({
          extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
        }),
      ]);
      expect(result.errors![0]!.message).not.toMatch(/events|127\.0\.0\.1|http/i);
      expect(elapsed).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 1500);
    });

    it('then the fetch is counted as unavailable for that subgraph', async () => {
      const fetches = await samplesOf(gateway.url, 'gateway_subgraph_request_duration_seconds_count', {
        subgraph: 'events',
        outcome: 'unavailable',
      });
      expect(fetches[0]?.value).toBeGreaterThanOrEqual(1);
    });
  });

  it('when the subgraph answers again, then its health, its gauge and its fields come back', async () => {
    events.process.kill('SIGCONT');
    expect(await eventually(async () => (await subgraphHealth(gateway.url)).status === 200, 10_000)).toBe(
      true,
    );
    expect(await dependencyUp(gateway.url, 'subgraph-events')).toBe(1);
    expect((await both()).data).toEqual({ me: { email: admin.email }, event: { id: eventId } });
  });
});
