import { randomUUID } from 'node:crypto';
import { type RequestHandler } from 'express';
import { requestScope } from '../logging/request-context';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

/** Takes the caller's request id when it is sane, else makes one, and scopes the request to it. */
export const requestIdMiddleware: RequestHandler = (req, res, next) => {
  const given = req.header(REQUEST_ID_HEADER);
  const requestId = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  res.locals.requestId = requestId;
  requestScope.run({ requestId }, next);
};
