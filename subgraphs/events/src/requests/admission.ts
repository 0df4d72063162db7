import { BulkheadPolicy, BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { rateLimited } from '@rewardgraph/service-kit';

export interface AdmissionLimits {
  concurrency: number;
  queue: number;
  maxWaitMs: number;
}

/**
 * Backpressure for the money path: at most `concurrency` operations run, `queue` wait,
 * and nobody waits longer than `maxWaitMs`. Whoever does not get in is told RATE_LIMITED
 * at once, with when to retry, before anything is written: under a storm every caller
 * gets a real answer in bounded time instead of a gateway timeout while work goes on.
 */
export class Admission {
  private readonly bulkhead: BulkheadPolicy;
  private readonly retryAfterSeconds: number;

  constructor(private readonly limits: AdmissionLimits) {
    this.bulkhead = new BulkheadPolicy(limits.concurrency, limits.queue);
    this.retryAfterSeconds = Math.max(1, Math.ceil(limits.maxWaitMs / 1000));
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    const busy = () => rateLimited(this.retryAfterSeconds, 'The service is busy');
    const cancel = new AbortController();
    let started = false;
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      this.bulkhead
        .execute(() => {
          started = true;
          clearTimeout(timer);
          return work();
        }, cancel.signal)
        .then(resolve, (error: unknown) =>
          reject(
            error instanceof BulkheadRejectedError || error instanceof TaskCancelledError ? busy() : error,
          ),
        )
        .finally(() => clearTimeout(timer));
      if (!started) {
        timer = setTimeout(() => {
          // Still in line: answer now; the bulkhead drops the task when its turn comes.
          cancel.abort();
          reject(busy());
        }, this.limits.maxWaitMs);
      }
    });
  }
}
