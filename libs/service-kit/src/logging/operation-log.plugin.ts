import { type ApolloServerPlugin } from '@apollo/server';
import { type GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { type Logger } from 'pino';
import { type Caller } from '../auth/caller';

/**
 * What the gateway's readiness check sends to every subgraph (@apollo/gateway's
 * HEALTH_CHECK_QUERY): one per probe, so it is logged at debug, not at info.
 */
export const HEALTH_CHECK_OPERATION = '__ApolloServiceHealthCheck__';

/** The root fields an operation asks for: what tells unnamed operations apart. */
const rootFieldsOf = (operation: OperationDefinitionNode | undefined): string[] =>
  operation?.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) ?? [];

const errorCodesOf = (errors: readonly GraphQLError[] | undefined): string[] => [
  ...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'))),
];

/**
 * One log line per GraphQL operation: its name ("anonymous" when it has none), root
 * fields, the signed-in user, duration and the error codes it answered with. The
 * request id comes from the logger's request scope.
 */
export function operationLogPlugin<TContext extends Caller>(logger: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, operation, operationName, contextValue }) {
          const name = operationName ?? request.operationName ?? null;
          const level = name === HEALTH_CHECK_OPERATION ? 'debug' : 'info';
          logger[level](
            {
              operation: name ?? 'anonymous',
              rootFields: rootFieldsOf(operation),
              userId: contextValue.identity?.userId ?? null,
              durationMs: Math.round(performance.now() - started),
              errorCodes: errorCodesOf(errors),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
