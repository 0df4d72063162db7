import { type RequestHandler, type Response } from 'express';
import { identifyCaller, type AccessTokenVerifier, type Caller } from '@rewardgraph/service-kit';

/**
 * Verifies the access token once per request, before the rate limit (which counts a
 * signed-in caller as themself) and the GraphQL context (which carries the identity).
 * A missing or refused token leaves an anonymous caller; the refusal is kept so the
 * operation can answer UNAUTHENTICATED.
 */
export function identifyCallerMiddleware(verify: AccessTokenVerifier): RequestHandler {
  return (req, res, next) => {
    identifyCaller(req.header('authorization'), verify).then((caller) => {
      res.locals.caller = caller;
      next();
    }, next);
  };
}

/** The caller `identifyCallerMiddleware` found for this request. */
export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('identifyCallerMiddleware did not run before this handler');
  return caller;
}
