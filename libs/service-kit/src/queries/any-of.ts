/**
 * A filter value matching any of `values`, for batched reads (DataLoader): `$in` for
 * several, the value itself for one. MongoDB treats both alike; FerretDB 1.24 sends only
 * the plain equality to PostgreSQL, where an index serves it, and filters `$in` itself
 * after reading the whole collection (docs/development.md), so a batch of one, the
 * usual case of a single read, keeps its index there.
 */
export function anyOf<T>(values: readonly T[]): T | { $in: T[] } {
  // By string form, so ObjectIds holding the same id count once.
  const distinct = [...new Map(values.map((value) => [String(value), value])).values()];
  return distinct.length === 1 ? distinct[0] : { $in: distinct };
}
