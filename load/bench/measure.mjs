// One measurement: autocannon holding `connections` keep-alive connections for `seconds`,
// every request built by `next()` (its headers and body), every answer judged by
// `judge(status, body)` (true: ok or designed). Latencies in milliseconds.
import autocannon from 'autocannon';

/**
 * @param {{ url: string, connections: number, seconds: number,
 *   next: () => { headers: Record<string, string>, body: string },
 *   judge: (status: number, body: string) => boolean }} run
 * @returns {Promise<{ rps: number, p50?: number, p99?: number, errors: number, requests: number }>}
 */
export function measure({ url, connections, seconds, next, judge }) {
  const target = new URL(url);
  let refused = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: target.origin,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: target.pathname,
            setupRequest: (request) => ({ ...request, ...next() }),
            onResponse: (status, body) => {
              if (!judge(status, body)) refused += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        // No answer within the run (every request slower than it) has no latency to report.
        const answered = result.requests.total > 0;
        resolve({
          rps: result.requests.average,
          p50: answered ? result.latency.p50 : undefined,
          p99: answered ? result.latency.p99 : undefined,
          errors: refused + result.errors + result.timeouts,
          requests: result.requests.total,
        });
      },
    );
  });
}
