/** The gateway that serves the explorer answers GraphQL on the same origin, so the refresh cookie goes along. */
export const GRAPHQL_URL = `${location.origin}/graphql`;

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL call with the page's cookies; a GraphQL error becomes a GatewayError. */
export async function callGateway<T>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer<T>;
  const [error] = answer.errors ?? [];
  if (error) throw new GatewayError(error.message, error.extensions?.code);
  if (!answer.data) throw new GatewayError(`HTTP ${response.status} without data`, undefined);
  return answer.data;
}
