import { randomInt } from 'node:crypto';
import { stack } from './env';

/**
 * A client address for one call. The gateway trusts X-Forwarded-For from loopback
 * (as behind a proxy), so each call looks like a different player unless a test
 * pins an address to exercise the per-IP limits.
 */
export const randomClientIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Defaults to the gateway; a subgraph's URL tests that it enforces rules by itself. */
  url?: string;
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  { token, headers = {}, url = `${stack().gatewayUrl}/graphql` }: CallOptions = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': randomClientIp(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[] };
  return { status: response.status, headers: response.headers, ...body };
}

/** The data of a call that must succeed; fails the test with the errors otherwise. */
export async function gqlOk<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<T> {
  const result = await gql<T>(query, variables, options);
  if (result.errors?.length || !result.data) {
    throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

export const errorCodes = (result: GraphQLResult<unknown>) =>
  (result.errors ?? []).map((e) => e.extensions?.code);
