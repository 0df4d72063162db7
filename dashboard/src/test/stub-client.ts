import {
  getOperationName,
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

/**
 * Answers by operation name (`Events`, `UpdateUserRoles`): a fixed answer, or one made from
 * the request (its variables, or how often it was asked). An operation not named here
 * stays pending, so a test never passes on an answer it did not mean to give.
 */
export type StubAnswers = Record<string, StubAnswer | ((request: GraphQLRequest) => StubAnswer)>;

/**
 * A urql client without a server, for unit tests of components that query: each query
 * and mutation gets the answer given under its operation name. The calls are jest mocks,
 * so a test reads the operations and variables sent.
 */
export function stubClient({
  query = {},
  mutation = {},
}: { query?: StubAnswers; mutation?: StubAnswers } = {}) {
  const answer = (kind: OperationType, answers: StubAnswers) =>
    jest.fn((request: GraphQLRequest, context?: Partial<OperationContext>) => {
      const given = answers[getOperationName(request.query) ?? ''] ?? 'pending';
      const result = typeof given === 'function' ? given(request) : given;
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

export type StubClient = ReturnType<typeof stubClient>;
