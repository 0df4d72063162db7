type Filter = Record<string, unknown>;

const isOperatorObject = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  Object.getPrototypeOf(value) === Object.prototype &&
  Object.keys(value).some((key) => key.startsWith('$'));

const conditionsOf = (filter: object): [string, unknown][] =>
  Object.entries(filter).flatMap(([key, value]) =>
    key === '$and' ? (value as object[]).flatMap(conditionsOf) : [[key, value] as [string, unknown]],
  );

/**
 * Filters that must all hold, as one document whose top level holds every field it can.
 * FerretDB 1.24 sends only top-level fields to PostgreSQL (plain equalities through an
 * index) and applies `$and`, `$or` and the rest itself after reading, so
 * `{ $and: [{ status }, { userId }] }` reads the whole table where `{ status, userId }`
 * reads one index range. A field constrained twice keeps one condition at the top, an
 * equality when there is one, and the others under `$and`, so the meaning never changes.
 */
export function allOf<T = Filter>(...filters: object[]): T {
  const conditions = filters.flatMap(conditionsOf);
  const equalitiesFirst = [
    ...conditions.filter(([, value]) => !isOperatorObject(value)),
    ...conditions.filter(([, value]) => isOperatorObject(value)),
  ];
  const top: Filter = {};
  const rest: Filter[] = [];
  for (const [key, value] of equalitiesFirst) {
    if (key.startsWith('$') || key in top) rest.push({ [key]: value });
    else top[key] = value;
  }
  return (rest.length ? { ...top, $and: rest } : top) as T;
}
