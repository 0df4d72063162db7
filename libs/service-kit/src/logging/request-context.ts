import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of one request carries, without passing it through each call. */
export interface RequestScope {
  requestId: string;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
