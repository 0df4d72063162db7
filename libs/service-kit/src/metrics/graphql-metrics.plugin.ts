import { type ApolloServerPlugin } from '@apollo/server';
import { type GraphQLError } from 'graphql';
import { type Registry } from 'prom-client';
import { ErrorCode } from '../errors/errors';
import { HEALTH_CHECK_OPERATION } from '../logging/operation-log.plugin';
import { counterOn, histogramOn, secondsSince } from './metric-on';
import { OperationNames } from './operation-names';

/** Codes that mean the platform failed, not the caller: what the error-ratio alert counts. */
export const SERVER_ERROR_CODES = new Set<string>([
  ErrorCode.INTERNAL_SERVER_ERROR,
  ErrorCode.SERVICE_UNAVAILABLE,
]);

/** Codes come from the contract and Apollo; anything else (a library's own) is folded into OTHER. */
const CODE = /^[A-Z][A-Z_]{0,39}$/;

const codesOf = (errors: readonly GraphQLError[] | undefined): string[] => [
  ...new Set(
    (errors ?? []).map((e) => {
      const code = String(e.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      return CODE.test(code) ? code : 'OTHER';
    }),
  ),
];

const outcomeOf = (codes: string[]) =>
  codes.length === 0
    ? 'success'
    : codes.some((c) => SERVER_ERROR_CODES.has(c))
      ? 'server_error'
      : 'client_error';

/**
 * `graphql_operation_duration_seconds{operation, type, outcome}` and
 * `graphql_errors_total{code}` for every operation the server answers, the gateway's
 * readiness probes excepted. Operation names are bounded (OperationNames); `type` is
 * `unknown` for a document that did not parse or validate.
 */
export function graphqlMetricsPlugin<TContext extends object>(
  registry: Registry,
): ApolloServerPlugin<TContext> {
  const duration = histogramOn(registry, {
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations from the request to the answer, by operation name, type and outcome',
    labelNames: ['operation', 'type', 'outcome'],
  });
  const errorsTotal = counterOn(registry, {
    name: 'graphql_errors_total',
    help: 'GraphQL errors answered, by extensions.code (each code once per operation)',
    labelNames: ['code'],
  });
  const names = new OperationNames();
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, operation, operationName }) {
          const name = operationName ?? request.operationName;
          if (name === HEALTH_CHECK_OPERATION) return;
          const codes = codesOf(errors);
          for (const code of codes) errorsTotal.inc({ code });
          duration.observe(
            {
              operation: names.label(name),
              type: operation?.operation ?? 'unknown',
              outcome: outcomeOf(codes),
            },
            secondsSince(started),
          );
        },
      };
    },
  };
}
