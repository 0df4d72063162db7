// requestReward throughput against a running platform (npm start), and the invariants
// checked afterwards: N players, each sending two requests at once, race for a stock
// of S (auto-approved, one per player). Printed beside a plain read in the same run.
//   node subgraphs/events/bench/request-reward.mjs [gatewayUrl] [players] [stock]
import { randomInt, randomUUID } from 'node:crypto';

const url = process.argv[2] ?? 'http://127.0.0.1:3333/graphql';
const players = Number(process.argv[3] ?? 200);
const stock = Number(process.argv[4] ?? 150);
const concurrency = 16;
const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function call(query, variables = {}, token) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': ip(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function pool(tasks) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

const login = async (email, password) =>
  (
    await call('mutation ($i: LoginInput!) { login(input: $i) { accessToken user { id } } }', {
      i: { email, password },
    })
  ).data.login;

const admin = await login(
  process.env.ADMIN_EMAIL ?? 'admin@rewardgraph.local',
  process.env.ADMIN_PASSWORD ?? 'rewardgraph-demo-admin',
);
const now = Date.now();
const { data: created } = await call(
  `mutation ($e: CreateEventInput!, $r: CreateRewardInput!) { createEvent(input: $e) { id } createReward(input: $r) { id } }`,
  {
    e: {
      name: `bench-${randomUUID()}`,
      periodStart: new Date(now - 60_000).toISOString(),
      periodEnd: new Date(now + 3_600_000).toISOString(),
      status: 'ACTIVE',
    },
    r: { type: 'POINT', name: 'bench points', points: 1 },
  },
  admin.accessToken,
);
const eventId = created.createEvent.id;
const rewardId = created.createReward.id;
await call(
  'mutation ($e: ID!, $i: AddEventRewardInput!) { addEventReward(eventId: $e, input: $i) { id } }',
  { e: eventId, i: { rewardId, stock, autoResolve: true, perUserLimit: 1 } },
  admin.accessToken,
);

const sessions = await pool(
  Array.from({ length: players }, () => async () => {
    const email = `bench-${randomUUID()}@bench.rewardgraph.test`;
    await call('mutation ($i: SignUpInput!) { signUp(input: $i) { id } }', {
      i: { email, password: 'bench-password-123' },
    });
    return login(email, 'bench-password-123');
  }),
);

const timed = async (tasks) => {
  const started = performance.now();
  const results = await pool(tasks);
  return { results, perSecond: tasks.length / ((performance.now() - started) / 1000) };
};

const reads = await timed(
  sessions.map(
    (s) => () => call(`query ($id: ID!) { event(id: $id) { id isOpen } }`, { id: eventId }, s.accessToken),
  ),
);
const REQUEST = 'mutation ($e: ID!, $r: ID!) { requestReward(eventId: $e, rewardId: $r) { status reason } }';
const requests = await timed(
  sessions.flatMap((s) => [0, 1].map(() => () => call(REQUEST, { e: eventId, r: rewardId }, s.accessToken))),
);

const outcome = (r) =>
  r.data?.requestReward.reason === 'OUT_OF_STOCK'
    ? 'OUT_OF_STOCK'
    : (r.data?.requestReward.status ?? r.errors?.[0]?.extensions?.code);
const tally = {};
for (const r of requests.results) tally[outcome(r)] = (tally[outcome(r)] ?? 0) + 1;

const { data: check } = await call(
  `query ($e: ID!) { rewardRequests(first: 1, filter: { eventId: $e, status: APPROVED }) { totalCount } }`,
  { e: eventId },
  admin.accessToken,
);
const wallets = await pool(
  sessions.map(
    (s) => async () => (await call('{ me { wallet { points } } }', {}, s.accessToken)).data.me.wallet.points,
  ),
);
const approved = check.rewardRequests.totalCount;
const paid = wallets.reduce((a, b) => a + b, 0);
const breaks = [
  approved !== Math.min(stock, players) && `approved ${approved} ≠ ${Math.min(stock, players)}`,
  paid !== approved && `paid ${paid} ≠ approved ${approved}`,
  wallets.some((p) => p > 1) && 'a player was paid twice',
].filter(Boolean);

console.log(`${players} players × 2 parallel requests, stock ${stock}, ${concurrency} in flight`);
console.log(`  outcomes: ${JSON.stringify(tally)}`);
console.log(`  event reads:     ${reads.perSecond.toFixed(1)} per second`);
console.log(
  `  requestReward:   ${requests.perSecond.toFixed(1)} per second = ${(requests.perSecond / reads.perSecond).toFixed(2)} × reads`,
);
console.log(
  `  invariant breaks: ${breaks.length ? breaks.join('; ') : 'none'} (approved ${approved}, points paid ${paid})`,
);
process.exitCode = breaks.length ? 1 : 0;
