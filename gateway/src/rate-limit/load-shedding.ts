import { type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { ErrorCode } from '@rewardgraph/service-kit';

export interface LoadSheddingOptions {
  /** Requests to `path` in progress at once; above it, new ones are turned away. */
  maxInFlight: number;
  retryAfterSeconds: number;
  path: string;
  /** Browser origins that may read the refusal (the CORS allowlist). */
  origins: readonly string[];
  /** Told of each request turned away (for the metrics). */
  onShed: () => void;
}

/**
 * Overload protection in front of everything else, on the raw HTTP server: while
 * `maxInFlight` API requests are in progress, the next one is answered at once (503,
 * RATE_LIMITED, Retry-After) before Express, parsing, the token check or any Redis call.
 * Turning a request away then costs a fraction of serving it, so under a storm every
 * caller gets an answer in bounded time and the admitted work keeps the CPU.
 */
export function withLoadShedding(handler: RequestListener, options: LoadSheddingOptions): RequestListener {
  const { maxInFlight, retryAfterSeconds, path, origins, onShed } = options;
  const body = JSON.stringify({
    errors: [
      {
        message: `The service is busy; retry in ${retryAfterSeconds} s`,
        extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
      },
    ],
  });
  let inFlight = 0;
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(path)) return handler(req, res);
    if (inFlight >= maxInFlight) {
      onShed();
      const origin = req.headers.origin;
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': String(retryAfterSeconds),
        ...(origin && origins.includes(origin)
          ? {
              'access-control-allow-origin': origin,
              'access-control-allow-credentials': 'true',
              vary: 'Origin',
            }
          : {}),
      });
      res.end(body);
      return;
    }
    inFlight++;
    res.once('close', () => inFlight--);
    handler(req, res);
  };
}
