import { randomInt } from 'node:crypto';
import { dataOf, request, type GraphQLResponse, type TypedDocumentNode } from '@rewardgraph/api-client';
import { stack } from './env';

export type { GraphQLErrorShape } from '@rewardgraph/api-client';
export type GraphQLResult<T> = GraphQLResponse<T>;

/**
 * A client address for one call. The gateway trusts X-Forwarded-For from loopback
 * (as behind a proxy), so each call looks like a different player unless a test
 * pins an address to exercise the per-IP limits.
 */
export const randomClientIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export interface CallOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Defaults to the gateway; a subgraph's URL tests that it enforces rules by itself. */
  url?: string;
}

type Document = TypedDocumentNode<unknown, unknown> | string;

const send = (
  document: Document,
  variables: unknown,
  { token, headers = {}, url = `${stack().gatewayUrl}/graphql` }: CallOptions,
) =>
  request(url, document, variables, {
    headers: {
      'x-forwarded-for': randomClientIp(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  });

/**
 * One call through the shared client. A generated document (libs/api-client/operations)
 * types its variables and answer; a string is for a document whose exact text is the
 * test's point (hostile shapes, aliases, subgraph-only fields), its answer typed by the test.
 */
export function gql<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options?: CallOptions,
): Promise<GraphQLResult<TData>>;
export function gql<TData = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  options?: CallOptions,
): Promise<GraphQLResult<TData>>;
export function gql(document: Document, variables: unknown = {}, options: CallOptions = {}) {
  return send(document, variables, options);
}

/** The data of a call that must succeed; fails the test with the errors otherwise. */
export function gqlOk<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options?: CallOptions,
): Promise<TData>;
export function gqlOk<TData = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
  options?: CallOptions,
): Promise<TData>;
export async function gqlOk(document: Document, variables: unknown = {}, options: CallOptions = {}) {
  return dataOf(await send(document, variables, options));
}

export const errorCodes = (result: GraphQLResult<unknown>) =>
  (result.errors ?? []).map((e) => e.extensions?.code);
