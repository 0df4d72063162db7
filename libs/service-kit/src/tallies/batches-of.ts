/** A read to stream: a mongoose query. */
export interface StreamedRead {
  batchSize(size: number): { cursor(): AsyncIterable<unknown> };
}

/**
 * The documents of a read, in batches of `size` (also the batch each reply of the
 * database carries): figures are built from whole collections without
 * holding them in memory. An abort ends the read between batches and closes its cursor:
 * FerretDB holds one of its PostgreSQL connections for every open cursor, so a cursor
 * left open by a stopping process would keep it until FerretDB restarts.
 */
export async function* batchesOf<T>(
  read: StreamedRead,
  signal: AbortSignal,
  size = 1000,
): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const document of read.batchSize(size).cursor()) {
    batch.push(document as T);
    if (batch.length < size) continue;
    // Leaving the loop returns the iterator, which closes the cursor.
    if (signal.aborted) return;
    yield batch;
    batch = [];
  }
  if (batch.length && !signal.aborted) yield batch;
}
