import DataLoader from 'dataloader';

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Reads of the same key asked for in the same tick share one database read, which starts
 * after all of them asked: under a storm, hundreds of requests for one event cost one
 * read, and each still sees the database as it is after its own arrival (nothing is kept
 * once the read is done, unlike a cache).
 */
export function coalescedReads<K, V>(read: (key: K) => Promise<V>, keyOf: (key: K) => string = String) {
  const loader: DataLoader<K, V, string> = new DataLoader(
    (keys) => {
      // Whoever asks from now on gets a read of their own.
      loader.clearAll();
      return Promise.all(keys.map((key) => read(key).catch(asError)));
    },
    { cacheKeyFn: keyOf },
  );
  return (key: K): Promise<V> => loader.load(key);
}
