const provenOwn = new WeakSet<object>();

/**
 * Marks a value a resolver made for a caller who has just proven who they are but holds
 * no access token for it yet: the account sign-up created, the user a login or refresh
 * signed in. An `@auth(owner: …)` rule lets that caller see it as their own.
 */
export function ownedByCaller<T extends object>(value: T): T {
  provenOwn.add(value);
  return value;
}

export const isOwnedByCaller = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && provenOwn.has(value);
