// A GraphQL client for benchmarks: each call from its own client address, as players
// are, over keep-alive connections, as a load balancer in front of the gateway holds them.
// It sends the shared documents of libs/api-client (`npm start` builds it).
import { randomInt } from 'node:crypto';
import http from 'node:http';
import { dataOf, documentText } from '@rewardgraph/api-client';

export let gatewayUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3333/graphql';
let target = new URL(gatewayUrl);

/** Sends every later call to another gateway: `npm run bench` storms each volume's stack in one process. */
export function useGateway(url) {
  gatewayUrl = url;
  target = new URL(url);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(process.env.CONNECTIONS ?? 1000) });
const clientIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function post(body, headers) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(text));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function call(document, variables = {}, token) {
  const text = await post(JSON.stringify({ query: documentText(document), variables }), {
    'content-type': 'application/json',
    'x-forwarded-for': clientIp(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  return JSON.parse(text);
}

/** Opens `count` connections before the clock starts: a storm meets connections already made. */
export const warmConnections = (count) =>
  Promise.all(Array.from({ length: count }, () => call('{ __typename }').catch(() => undefined)));

/** The data of a call that must succeed. */
export const ok = async (document, variables, token) => dataOf(await call(document, variables, token));

/** Runs tasks with at most `concurrency` in flight; results in task order. */
export async function pool(tasks, concurrency) {
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

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
