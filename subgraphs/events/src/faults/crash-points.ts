/**
 * The moments between two writes of the money path. Tests make the process die hard at
 * one of them (FAULT_CRASH_AFTER) to prove that recovery finishes or undoes whatever a
 * crash there leaves; in normal operation nothing happens.
 */
export const CRASH_POINTS = [
  'request-recorded',
  'claim-taken',
  'slot-taken',
  'claim-released',
  'payout-inserted',
  'review-recorded',
  'review-effects-applied',
  'review-status-written',
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

export type CrashHook = (point: CrashPoint) => void;

/** SIGKILL, not exit: no handler, no drain, no flushed buffers, as in a real crash. */
export const crashHook =
  (crashAfter: CrashPoint | undefined): CrashHook =>
  (point) => {
    if (point === crashAfter) process.kill(process.pid, 'SIGKILL');
  };
