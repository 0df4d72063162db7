import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  EventsDocument,
  LoginDocument,
  MyRewardRequestsDocument,
  ReviewRewardRequestDocument,
} from '@rewardgraph/api-client';
import { offer, requestReward } from '../support/catalog';
import { stack } from '../support/env';
import { newUser, type Session } from '../support/fixtures';
import { gql, gqlOk } from '../support/graphql';
import { PROMETHEUS_BIN, startPrometheus, type RunningPrometheus } from '../support/prometheus';
import {
  dashboardExpressions,
  dashboardFiles,
  withBoolComparisons,
  type Expression,
} from '../support/promql';
import { eventually } from '../support/sessions';
import {
  isolatedEventsEnv,
  startEventsInstance,
  startGatewayInstance,
  type ExtraInstance,
} from '../support/stack';
import { freePort, startThrowawayRedis, type ThrowawayRedis } from '../support/throwaway-redis';

const OBSERVABILITY = join(__dirname, '..', '..', '..', 'observability');
const RULE_FILES = ['rules.yml', 'red-rules.yml', 'dependency-rules.yml'].map((f) =>
  join(OBSERVABILITY, 'prometheus', f),
);
/** cAdvisor reads Docker's cgroups: its series exist where the platform runs in containers only. */
const CADVISOR = /\bcontainer_\w+/;

const hostOf = (url: string) => new URL(url).host;

/**
 * Scrapes every 2 s: a scrape must end within its interval, and the gauges read at scrape
 * time wait up to 1 s for a database that a busy machine slows down.
 */
const SCRAPE_SECONDS = 2;

/**
 * A real Prometheus (Debian's) scrapes the e2e stack, plus an events service and a
 * gateway of this test's own: that events service has its own database and Redis, so the
 * test can stop its Redis, and hang it (SIGSTOP) to make the gateway's fetches fail.
 */
describe('Prometheus on the running platform', () => {
  let redis: ThrowawayRedis;
  let events: ExtraInstance;
  let gateway: ExtraInstance;
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    if (!existsSync(PROMETHEUS_BIN)) {
      throw new Error(
        `${PROMETHEUS_BIN} is missing: run scripts/observability/check.sh (installs Debian's prometheus)`,
      );
    }
    const probe = { DEPENDENCY_PROBE_MS: '250' };
    redis = await startThrowawayRedis();
    events = await startEventsInstance(stack(), 'events-observed', await freePort(), {
      ...probe,
      ...isolatedEventsEnv(stack(), 'observed', redis.url),
    });
    gateway = await startGatewayInstance(stack(), 'gateway-observed', await freePort(), {
      ...probe,
      EVENTS_URL: `${events.url}/graphql`,
    });
    const info = stack();
    prometheus = await startPrometheus(
      [
        { job: 'gateway', targets: [hostOf(info.gatewayUrl), hostOf(gateway.url)] },
        { job: 'auth', targets: [hostOf(info.authUrl)] },
        { job: 'events', targets: [hostOf(info.eventsUrl), hostOf(events.url)] },
      ],
      RULE_FILES,
      SCRAPE_SECONDS,
    );
    const allUp = async () => (await prometheus.query('up == 1')).length === 5;
    if (!(await eventually(allUp, 20_000))) throw new Error('Prometheus did not scrape all five services');
  }, 120_000);

  afterAll(async () => {
    events?.process.kill('SIGCONT');
    await Promise.allSettled([prometheus?.stop(), gateway?.stop(), events?.stop()]);
    await redis?.stop();
  });

  it('when players, staff and attackers use the platform, then every query of the dashboards and the alert rules returns series', async () => {
    await driveTraffic(gateway, events);
    // Two scrapes after the last request: every rate has its samples.
    await new Promise((resolve) => setTimeout(resolve, 2 * SCRAPE_SECONDS * 1000 + 500));

    const rules = await prometheus.get<{ groups: { rules: { name: string; query: string }[] }[] }>(
      '/api/v1/rules',
    );
    const ruleExpressions: Expression[] = rules.groups.flatMap((g) =>
      g.rules.map((r) => ({ source: `rule ${r.name}`, expr: withBoolComparisons(r.query) })),
    );
    expect(ruleExpressions.length).toBeGreaterThanOrEqual(14);
    const dashboards = dashboardFiles(join(OBSERVABILITY, 'grafana', 'dashboards')).flatMap(
      dashboardExpressions,
    );
    expect(dashboards.length).toBeGreaterThanOrEqual(40);

    const empty: string[] = [];
    for (const { source, expr } of [...ruleExpressions, ...dashboards]) {
      // Every query must parse and run; all but cAdvisor's must find series here.
      const series = await prometheus.query(expr);
      if (series.length === 0 && !CADVISOR.test(expr)) empty.push(`${source}: ${expr}`);
    }
    expect(empty).toEqual([]);
  }, 120_000);

  it("when a service's Redis stops, then its dependency gauge turns 0 and DependencyDown is pending for it", async () => {
    const instance = hostOf(events.url);
    const gauge = `rewardgraph_dependency_up{job="events", instance="${instance}", dependency="redis-data"}`;
    expect(await eventually(async () => (await prometheus.query(`${gauge} == 1`)).length === 1, 15_000)).toBe(
      true,
    );

    await redis.stop();

    expect(await eventually(async () => (await prometheus.query(`${gauge} == 0`)).length === 1, 15_000)).toBe(
      true,
    );
    const pending = async () =>
      (
        await prometheus.get<{ alerts: { labels: Record<string, string>; state: string }[] }>(
          '/api/v1/alerts',
        )
      ).alerts
        .filter((a) => a.labels.alertname === 'DependencyDown' && a.labels.instance === instance)
        .map((a) => ({ dependency: a.labels.dependency, state: a.state }));
    const redisPending = async () =>
      (await pending()).some((a) => a.dependency === 'redis-data' && a.state === 'pending');
    expect(await eventually(redisPending, 15_000)).toBe(true);
    // Only where it stopped: the stack's own events service still reaches its Redis.
    const stackRedis = `rewardgraph_dependency_up{instance="${hostOf(stack().eventsUrl)}", dependency="redis-data"}`;
    expect(await prometheus.query(`${stackRedis} == 0`)).toEqual([]);
  }, 60_000);
});

/**
 * Traffic that touches every metric: sign-ups and logins (some failing, some past the
 * limit), reads answered from the caches, reward requests approved at once, held for a
 * review and approved, refused for lack of stock; client errors, and server errors from a
 * gateway whose events service hangs.
 */
async function driveTraffic(observed: ExtraInstance, events: ExtraInstance) {
  const viaObserved = { url: `${observed.url}/graphql` };
  const [a, b] = (await Promise.all([newUser('observed-a'), newUser('observed-b')])) as [Session, Session];

  // Wrong passwords from one address until auth's per-account limit answers RATE_LIMITED.
  const pinned = { headers: { 'x-forwarded-for': `10.99.${Math.floor(Math.random() * 250)}.7` } };
  for (let i = 0; i < 7; i++) {
    await gql(LoginDocument, { input: { email: a.email, password: `wrong-${i}` } }, pinned);
  }

  // Reads twice: the second is a response cache hit at the gateway, a read cache hit in events.
  for (let i = 0; i < 2; i++) {
    await gqlOk(EventsDocument, { first: 5 }, { token: a.token });
    await gqlOk(EventsDocument, { first: 5 }, { token: a.token, ...viaObserved });
  }

  // Approved at once (a payout), held for review then approved, and out of stock.
  const auto = await offer({ autoResolve: true, stock: 1 });
  await requestReward(a.token, auto.eventId, auto.rewardId);
  await requestReward(b.token, auto.eventId, auto.rewardId);
  const reviewed = await offer();
  await requestReward(a.token, reviewed.eventId, reviewed.rewardId);
  const [held] = (await gqlOk(MyRewardRequestsDocument, { first: 1 }, { token: a.token })).myRewardRequests
    .nodes;
  await gqlOk(
    ReviewRewardRequestDocument,
    { id: held!.id, input: { status: 'APPROVED' } },
    { token: reviewed.admin.token },
  );

  // Client errors: bad input, a syntax error; and an unnamed operation.
  await gql(`query BadInput { event(id: "not-an-id") { id } }`, {}, { token: a.token });
  await gql(`query Broken { events(`, {}, { token: a.token });
  await gql(`{ me { email } }`, {}, { token: b.token, ...viaObserved });

  // Server errors: the events service behind the observed gateway hangs past its deadline.
  events.process.kill('SIGSTOP');
  try {
    await gql(`query Hung { events(first: 1) { totalCount } }`, {}, { token: a.token, ...viaObserved });
  } finally {
    events.process.kill('SIGCONT');
  }
}
