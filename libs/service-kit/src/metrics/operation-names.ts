/** How many distinct operation names one process labels before it counts the rest as `other`. */
export const MAX_OPERATION_NAMES = 200;

/** A GraphQL name (the spec's grammar), at most 64 characters. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** A query plan's fetch, `<operation>__<subgraph>__<n>`: labelled as the client's operation. */
const PLAN_FETCH = /^(.+)__[a-z0-9_]+__\d+$/;

/**
 * Operation names as metric labels, with a bounded number of values: clients choose
 * names, so a client that names every call differently would otherwise make a series
 * per call. The first `max` names a process sees keep theirs; later ones are `other`,
 * unnamed operations `anonymous`, and what is not a GraphQL name `invalid`.
 */
export class OperationNames {
  private readonly known = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_NAMES) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const operation = PLAN_FETCH.exec(name)?.[1] ?? name;
    if (!NAME.test(operation)) return 'invalid';
    if (this.known.has(operation)) return operation;
    if (this.known.size >= this.max) return 'other';
    this.known.add(operation);
    return operation;
  }
}
