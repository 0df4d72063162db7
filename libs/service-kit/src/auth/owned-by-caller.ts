/** Non-enumerable, so the mark never reaches a response and is not copied by a spread. */
const OWNED_BY_CALLER = Symbol('ownedByCaller');

/**
 * Marks a value a resolver made for a caller who has just proven who they are but holds
 * no access token for it yet: the account sign-up created, the user a login or refresh
 * signed in. An `@auth(owner: …)` rule lets that caller see it as their own.
 */
export function ownedByCaller<T extends object>(value: T): T {
  return Object.defineProperty(value, OWNED_BY_CALLER, { value: true });
}

export const isOwnedByCaller = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && OWNED_BY_CALLER in value;
