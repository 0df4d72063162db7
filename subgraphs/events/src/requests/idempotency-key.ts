import { badInput } from '@rewardgraph/service-kit';

/**
 * A client's idempotency key: 1–100 characters; absent is null. The input edge has
 * already trimmed it and refused control characters (the string rule).
 */
export function idempotencyKeyOf(key: string | null | undefined): string | null {
  if (key === undefined || key === null) return null;
  if (key.length < 1 || key.length > 100) {
    throw badInput('idempotencyKey must be 1–100 characters', 'idempotencyKey');
  }
  return key;
}
