import { type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { type ValidationError } from 'class-validator';
import { type Logger } from 'pino';
import { ErrorCode } from './errors';
import { withoutInput, withoutSuggestions } from './redact';

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

/** Extensions of the contract a client may see; anything else (class-validator's `target`…) stays in. */
const SHOWN_EXTENSIONS = ['field', 'fields', 'retryAfterSeconds'] as const;

/** Where the error came from: for a developer's eyes only. */
const DEVELOPMENT_EXTENSIONS = ['stacktrace', 'serviceName'] as const;

interface FieldProblems {
  field: string;
  problems: string[];
}

/** Field names and class-validator's messages (property and constraint, never the value), nested inputs flattened. */
const problemsOf = (errors: ValidationError[] = [], parent = ''): FieldProblems[] =>
  errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...problemsOf(e.children, field)];
  });

const pick = (from: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]));

/**
 * The one place where errors leave a service (gateway and subgraphs): errors with a code
 * of the contract keep it, validation errors become BAD_USER_INPUT, anything else is
 * logged and masked. No message repeats the caller's input; outside development no
 * error shows a stack, the subgraph that raised it, or schema suggestions.
 */
export function createErrorFormatter(logger: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const extensions = formatted.extensions ?? {};
    const internals = development ? pick(extensions, DEVELOPMENT_EXTENSIONS) : {};
    const shown = (message: string, code: string, extra: Record<string, unknown>) => ({
      message: development ? message : withoutSuggestions(message),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...extra, code, ...internals },
    });

    if (original instanceof ArgumentValidationError) {
      return shown('Invalid input', ErrorCode.BAD_USER_INPUT, {
        fields: problemsOf(original.extensions.validationErrors),
      });
    }
    // Errors relayed by the gateway were already formatted (and masked) by their subgraph.
    if (typeof extensions.code === 'string' && SHOWN_CODES.has(extensions.code)) {
      return shown(withoutInput(formatted.message), extensions.code, pick(extensions, SHOWN_EXTENSIONS));
    }

    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return shown('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR, {});
  };
}
