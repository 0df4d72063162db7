// Login throughput: how many argon2id verifications one core does with our parameters,
// and how many logins per second the whole stack serves, measured in the same run.
//   node subgraphs/auth/bench/login-throughput.mjs [gatewayUrl] [seconds]
// The second figure needs a running platform (npm start); without one only the first is printed.
import { randomInt, randomUUID } from 'node:crypto';
import { hash, verifySync, Algorithm } from '@node-rs/argon2';

const gatewayUrl = process.argv[2] ?? 'http://127.0.0.1:3333/graphql';
const seconds = Number(process.argv[3] ?? 10);
const PARAMS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

function verifiesPerSecond(stored, password) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  while (performance.now() < until) {
    verifySync(stored, password);
    done++;
  }
  return done / seconds;
}

async function call(query, variables, ip) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function loginsPerSecond(concurrency) {
  const email = `bench-${randomUUID()}@bench.rewardgraph.test`;
  const password = `bench-${randomUUID()}`;
  const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  await call('mutation ($i: SignUpInput!) { signUp(input: $i) { id } }', { i: { email, password } }, ip());
  const until = performance.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const body = await call(
          'mutation ($i: LoginInput!) { login(input: $i) { accessToken } }',
          { i: { email, password } },
          ip(),
        );
        if (body.data?.login) ok++;
        else failed++;
      }
    }),
  );
  return { perSecond: ok / seconds, failed };
}

const stored = await hash('correct horse battery staple', PARAMS);
const verify = verifiesPerSecond(stored, 'correct horse battery staple');
console.log(`argon2id m=${PARAMS.memoryCost} KiB t=${PARAMS.timeCost} p=${PARAMS.parallelism}`);
console.log(
  `  verifications per second on one core: ${verify.toFixed(1)} (${(1000 / verify).toFixed(1)} ms each)`,
);

const reachable = await fetch(gatewayUrl.replace(/\/graphql$/, '/health/ready')).then(
  (r) => r.ok,
  () => false,
);
if (!reachable) {
  console.log(
    `  (no platform at ${gatewayUrl}: start one with \`npm start\` to measure logins through the gateway)`,
  );
} else {
  for (const concurrency of [1, 4]) {
    const { perSecond, failed } = await loginsPerSecond(concurrency);
    console.log(
      `  logins per second through the gateway, ${concurrency} in flight: ${perSecond.toFixed(1)}` +
        ` = ${(perSecond / verify).toFixed(2)} × one core's verifications${failed ? ` (${failed} failed)` : ''}`,
    );
  }
}
