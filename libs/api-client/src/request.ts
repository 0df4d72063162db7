import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

/** An error as the API answers it; `extensions.code` says what went wrong. */
export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** The answer to one operation, with the HTTP status and headers (the refresh cookie is there). */
export interface GraphQLResponse<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLErrorShape[];
}

/** What `request()` passes on to fetch: headers (Authorization), `credentials: 'include'`, a signal… */
export interface RequestOptions extends Omit<RequestInit, 'method' | 'body' | 'headers'> {
  headers?: Record<string, string>;
}

const printed = new WeakMap<DocumentNode, string>();

/** The text sent over the wire, printed once per document; a string is sent as it is. */
export function documentText(document: DocumentNode | string): string {
  if (typeof document === 'string') return document;
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/**
 * Sends one operation. With a generated document, `variables` must be its variables
 * and `data` is its result type; a string (a document outside the shared set) is
 * sent as it is, its result typed by the caller.
 */
export async function request<TData, TVariables>(
  url: string | URL,
  document: TypedDocumentNode<TData, TVariables> | string,
  variables: TVariables,
  { headers, ...init }: RequestOptions = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    ...init,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: documentText(document), variables }),
  });
  const body = (await response.json()) as Pick<GraphQLResponse<TData>, 'data' | 'errors'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** The data of an answer that must have succeeded; throws with the errors otherwise. */
export function dataOf<TData>({ data, errors }: Pick<GraphQLResponse<TData>, 'data' | 'errors'>): TData {
  if (errors?.length || !data) throw new Error(`expected success, got ${JSON.stringify(errors)}`);
  return data;
}
