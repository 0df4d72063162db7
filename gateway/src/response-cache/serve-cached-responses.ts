import { type RequestHandler, type Response } from 'express';
import { callerOf } from '../auth/identify-caller';
import { type ResponseCache } from './response-cache';

/** `hit` on an answer served from the response cache (for operators and tests). */
export const CACHE_HEADER = 'x-rewardgraph-cache';
const CONTENT_TYPE = 'application/json; charset=utf-8';

// Mutations are never stored, so their bodies need no lookup; a query that merely
// mentions the word only skips the cache.
const MENTIONS_MUTATION = /\bmutation\b/;

/**
 * Answers a signed-in caller's query from the response cache before any GraphQL work
 * (after the caller is identified and counted by the rate limit); on a miss, leaves the
 * entry key for `responseCachePlugin` to store the answer under.
 */
export function serveCachedResponses(cache: ResponseCache): RequestHandler {
  return (req, res, next) => {
    const { identity } = callerOf(res);
    const body = req.body as { query?: unknown } | undefined;
    if (!identity || typeof body?.query !== 'string' || MENTIONS_MUTATION.test(body.query)) return next();
    const key = cache.keyFor(identity, body);
    if (!cache.mayHold(key)) return next();
    cache.lookup(key).then((cached) => {
      if (cached === null) {
        res.locals.responseCacheKey = key;
        return next();
      }
      res.setHeader(CACHE_HEADER, 'hit');
      res.setHeader('content-type', CONTENT_TYPE);
      res.setHeader('content-length', Buffer.byteLength(cached));
      res.end(cached);
    }, next);
  };
}

/** The key `serveCachedResponses` looked up and missed for this request, if any. */
export const missedCacheKey = (res: Response): string | undefined =>
  res.locals.responseCacheKey as string | undefined;
