// @ts-check
// Smoke load: players list open events, read one with its rewards, and check their
// requests, while the admin's token is refreshed by logging in per virtual user.
// The documents are the shared operations (libs/api-client/operations), generated into
// ./operations.js by `npm run codegen`.
// Run through docker/docker-compose.k6.yml (see docs/deployment.md).
import http from 'k6/http';
import { check, sleep } from 'k6';
import {
  EventWithRewardsDocument,
  EventsDocument,
  LoginDocument,
  MyRewardRequestsDocument,
} from './operations.js';

const URL = __ENV.GATEWAY_URL || 'http://gateway:3333/graphql';

export const options = {
  vus: 10,
  duration: '30s',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<500'],
    checks: ['rate>0.99'],
  },
};

/**
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @param {string} [token]
 */
function gql(query, variables = {}, token) {
  const headers = {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const response = http.post(URL, JSON.stringify({ query, variables }), { headers });
  const body = /** @type {{ data?: any, errors?: unknown[] }} */ (response.json());
  check(response, { 'status 200': (r) => r.status === 200, 'no GraphQL errors': () => !body.errors });
  return body.data;
}

export function setup() {
  const data = gql(LoginDocument, {
    input: {
      email: __ENV.ADMIN_EMAIL || 'admin@rewardgraph.local',
      password: __ENV.ADMIN_PASSWORD || 'rewardgraph-demo-admin',
    },
  });
  return { token: data.login.accessToken };
}

/** @param {{ token: string }} context */
export default function (context) {
  const open = gql(EventsDocument, { filter: { isOpen: true }, first: 10 }, context.token);
  const first = open?.events.nodes[0];
  if (first) gql(EventWithRewardsDocument, { id: first.id }, context.token);
  gql(MyRewardRequestsDocument, { first: 5 }, context.token);
  sleep(1);
}
