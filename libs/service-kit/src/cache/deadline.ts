export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`No answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * `pending`, or a DeadlineError once `ms` have passed without an answer. The deadline is
 * judged one turn of the event loop after the timer fires: on a busy process timers run
 * before the loop reads its sockets, so an answer that arrived in time would otherwise
 * be taken for a late one, and a loaded service would start bypassing a healthy cache
 * just when it needs it most.
 */
export function withDeadline<T>(pending: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const timer = setTimeout(() => setImmediate(() => settle(() => reject(new DeadlineError(ms)))), ms);
    pending.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error as Error)),
    );
  });
}
