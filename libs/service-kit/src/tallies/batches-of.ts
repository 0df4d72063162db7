/** The documents of a read, in batches: figures are built from whole collections without holding them in memory. */
export async function* batchesOf<T>(documents: AsyncIterable<T>, size = 1000): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const document of documents) {
    batch.push(document);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
