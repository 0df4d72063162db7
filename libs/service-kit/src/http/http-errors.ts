import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';

interface BodyParserError {
  status?: number;
  type?: string;
}

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is too large',
};

const refuse = (res: Response, status: number, message: string, code = 'BAD_REQUEST') => {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/**
 * What `/graphql` takes: GET (queries, Apollo checks them) or POST with a JSON body.
 * Anything else is refused here with its own status (405, 415) before Apollo, whose
 * CSRF check would otherwise answer every one of them with a generic 400.
 */
const graphqlShape: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    return refuse(res, 405, 'Use GET or POST');
  }
  // `is` is null for a POST without a body: Apollo answers that one (400).
  if (req.method === 'POST' && req.is('application/json') === false) {
    return refuse(res, 415, 'Send the operation as application/json');
  }
  next();
};

/** Mounted in front of every GraphQL endpoint: the request's shape, then its JSON body (at most 1 MB). */
export const graphqlBody: RequestHandler[] = [graphqlShape, express.json({ limit: '1mb' })];

const unknownPath: RequestHandler = (_req, res) =>
  refuse(res, 404, 'Nothing here; the API is at /graphql', 'NOT_FOUND');

/**
 * A body the JSON parser refuses (malformed, too large, an unknown charset) is answered
 * as every other error: a JSON GraphQL error with a code and its HTTP status, never
 * Express's HTML page, and without logging the body (it may hold a password).
 */
const bodyErrors: ErrorRequestHandler = (error: BodyParserError, _req, res, next) => {
  if (!error.type || !error.status || error.status >= 500) return next(error);
  refuse(res, error.status, MESSAGES[error.type] ?? 'The request body cannot be read');
};

/** Mounted after every route of a server: unknown paths and unreadable bodies answer as JSON GraphQL errors. */
export const httpErrors = [unknownPath, bodyErrors];
