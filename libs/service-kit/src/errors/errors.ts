import { GraphQLError } from 'graphql';

/** The error codes of the API contract (product.md §5). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  EVENT_NOT_OPEN: 'EVENT_NOT_OPEN',
  RATE_LIMITED: 'RATE_LIMITED',
  /** A part of the platform did not answer in time: retry after `retryAfterSeconds`. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error meant for the client: its message and code are part of the API. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Sign in to do this') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);
export const badInput = (message: string, field?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const rateLimited = (retryAfterSeconds: number, why = 'Too many attempts') =>
  new AppError(ErrorCode.RATE_LIMITED, `${why}; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
export const serviceUnavailable = (retryAfterSeconds: number) =>
  new AppError(
    ErrorCode.SERVICE_UNAVAILABLE,
    `Part of the service did not answer in time; retry in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );
