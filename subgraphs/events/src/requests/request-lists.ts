import { type ReadCache } from '../cache/read-cache';

/** Every list of requests that is not one user's: the review queue, the staff's lists. */
const STAFF_LISTS = 'requests';
const listsOf = (userId: string) => `requests-of:${userId}`;

/**
 * Pages of requests kept in the read cache until a request they may show changes: the
 * staff's lists until any request changes, a user's lists until one of that user's does
 * (`RequestChanges` forgets them after every write). Reading a page costs FerretDB one
 * decoded document per request of the bucket it reads (it sorts and limits after the
 * indexed equality), so a page read again is answered from Redis. A load that overlaps a
 * write is kept under the list version the write deleted, where nobody looks again.
 */
export class RequestLists {
  constructor(private readonly cache: ReadCache) {}

  async staff<T>(parts: unknown, load: () => Promise<T>): Promise<T> {
    return this.cache.get(await this.cache.listKey(STAFF_LISTS, parts), load);
  }

  async ofUser<T>(userId: string, parts: unknown, load: () => Promise<T>): Promise<T> {
    return this.cache.get(await this.cache.listKey(listsOf(userId), parts), load);
  }

  /** After requests of these users were written. The gateway keeps no whole response of these lists. */
  changed(...userIds: string[]): Promise<void> {
    return this.cache.forget([], [STAFF_LISTS, ...userIds.map(listsOf)]);
  }
}
