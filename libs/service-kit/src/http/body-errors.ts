import { type ErrorRequestHandler } from 'express';

interface BodyParserError {
  status?: number;
  type?: string;
}

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is too large',
};

/**
 * A body the JSON parser refuses (malformed, too large, an unknown charset) is answered
 * as every other error: a JSON GraphQL error with a code and its HTTP status, never
 * Express's HTML page, and without logging the body (it may hold a password).
 */
export const bodyErrors: ErrorRequestHandler = (error: BodyParserError, _req, res, next) => {
  if (!error.type || !error.status || error.status >= 500) return next(error);
  res.status(error.status).json({
    errors: [
      {
        message: MESSAGES[error.type] ?? 'The request body cannot be read',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
};
