import { type RequestHandler } from 'express';
import { ErrorCode } from '@rewardgraph/service-kit';

export interface LoadSheddingOptions {
  /** Requests the gateway works on at once; above it, new ones are turned away. */
  maxInFlight: number;
  retryAfterSeconds: number;
}

/**
 * Overload protection in front of everything else: while `maxInFlight` requests are in
 * progress, the next one is answered at once (503, RATE_LIMITED, Retry-After) before any
 * parsing, token check or Redis call. Under a storm every caller then gets an answer in
 * bounded time, and the work admitted finishes instead of everything slowing down together.
 */
export function loadShedding({ maxInFlight, retryAfterSeconds }: LoadSheddingOptions): RequestHandler {
  let inFlight = 0;
  const body = JSON.stringify({
    errors: [
      {
        message: `The service is busy; retry in ${retryAfterSeconds} s`,
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
      },
    ],
  });
  return (_req, res, next) => {
    if (inFlight >= maxInFlight) {
      res.status(503).setHeader('retry-after', String(retryAfterSeconds)).type('json').send(body);
      return;
    }
    inFlight++;
    res.once('close', () => inFlight--);
    next();
  };
}
