import { type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { type Logger } from 'pino';
import { echoFreeMessage } from './echo-free-message';
import { ErrorCode } from './errors';

/** The contract's codes, plus those Apollo Server gives malformed requests: all safe to show. */
const SHOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The one place where errors leave a service: errors with a code of the contract keep
 * it, validation errors become BAD_USER_INPUT, anything else is logged and masked.
 */
export function createErrorFormatter(logger: Logger, exposeStack: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    const shown = (code: string, extra: Record<string, unknown> = {}) => ({
      ...formatted,
      message: echoFreeMessage(formatted.message),
      extensions: { ...extensions, ...extra, code, ...(exposeStack && stacktrace ? { stacktrace } : {}) },
    });

    if (original instanceof ArgumentValidationError) {
      const fields = original.extensions.validationErrors?.map((e) => ({
        field: e.property,
        problems: Object.values(e.constraints ?? {}),
      }));
      return { ...shown(ErrorCode.BAD_USER_INPUT, { fields }), message: 'Invalid input' };
    }
    // Errors relayed by the gateway were already formatted (and masked) by their subgraph.
    if (typeof extensions.code === 'string' && SHOWN_CODES.has(extensions.code))
      return shown(extensions.code);

    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        ...(exposeStack && stacktrace ? { stacktrace } : {}),
      },
    };
  };
}
