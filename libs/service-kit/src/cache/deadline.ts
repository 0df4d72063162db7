export class DeadlineError extends Error {
  constructor(ms: number) {
    super(`No answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** How many more periods a deadline grants when its own process made it late. */
const MAX_EXTENSIONS = 2;

/**
 * `pending`, or a DeadlineError once `ms` have passed without an answer. The deadline is
 * judged one turn of the event loop after the timer fires: on a busy process timers run
 * before the loop reads its sockets, so an answer that arrived in time would otherwise
 * be taken for a late one, and a loaded service would start bypassing a healthy cache
 * just when it needs it most. For the same reason, when the timer itself ran more than
 * `ms` late, the process was too busy even to send the command on time: the deadline
 * starts again (at most twice), so only the dependency's own slowness fails it. A dead
 * dependency under a loaded process still fails within three periods and their lag.
 */
export function withDeadline<T>(pending: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let extensions = 0;
    let due = performance.now() + ms;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const judge = () =>
      setImmediate(() => {
        if (settled) return;
        if (performance.now() - due > ms && extensions < MAX_EXTENSIONS) {
          extensions += 1;
          due = performance.now() + ms;
          timer = setTimeout(judge, ms);
          return;
        }
        settle(() => reject(new DeadlineError(ms)));
      });
    let timer = setTimeout(judge, ms);
    pending.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error as Error)),
    );
  });
}
