import {
  makeOperation,
  type Client,
  type CombinedError,
  type GraphQLRequest,
  type OperationContext,
  type OperationType,
} from 'urql';
import { fromValue, never } from 'wonka';

/** What a stubbed operation answers: data, an error, or nothing yet ('pending'). */
export type StubAnswer = { data?: unknown; error?: CombinedError } | 'pending';
type Answers = (request: GraphQLRequest) => StubAnswer;

/**
 * A urql client without a server, for unit tests of components that query: each
 * operation gets the answer `query` / `mutation` gives for it. The calls are jest mocks,
 * so a test reads the variables sent.
 */
export function stubClient({ query, mutation }: { query?: Answers; mutation?: Answers }) {
  const answer = (kind: OperationType, answers: Answers | undefined) =>
    jest.fn((request: GraphQLRequest, context?: Partial<OperationContext>) => {
      const result = answers?.(request) ?? 'pending';
      if (result === 'pending') return never;
      return fromValue({
        operation: makeOperation(kind, request, {
          requestPolicy: 'cache-first',
          ...context,
        } as OperationContext),
        data: result.data,
        error: result.error,
        stale: false,
        hasNext: false,
      });
    });
  const client = {
    executeQuery: answer('query', query),
    executeMutation: answer('mutation', mutation),
    executeSubscription: jest.fn(() => never),
  };
  return client as unknown as Client & typeof client;
}
