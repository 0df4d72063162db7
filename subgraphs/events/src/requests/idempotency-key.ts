import { badInput } from '@rewardgraph/service-kit';

const CONTROL = /\p{Cc}/u;

/** A client's idempotency key: trimmed, 1–100 characters, no control characters; absent is null. */
export function idempotencyKeyOf(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  const key = raw.trim();
  if (key.length < 1 || key.length > 100 || CONTROL.test(key)) {
    throw badInput('idempotencyKey must be 1–100 characters without control characters', 'idempotencyKey');
  }
  return key;
}
