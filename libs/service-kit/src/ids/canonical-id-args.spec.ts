import { buildSchema, graphql } from 'graphql';
import { applyCanonicalIds } from './canonical-id-args';

const seen: unknown[] = [];
const schema = applyCanonicalIds(
  buildSchema(`
    input Filter { eventId: ID, tags: [ID!], name: String }
    type Query { echo(id: ID!, ids: [ID!], filter: Filter, note: String): Boolean }
  `),
);
/** The default resolver calls a root function with the (already canonical) arguments. */
const rootValue = {
  echo: (args: unknown) => {
    seen.push(args);
    return true;
  },
};

const ID = '6B0727BFF5209574B4D4255A';

describe('canonical ids at the edge', () => {
  beforeEach(() => (seen.length = 0));

  it('when ids come in upper case, in lists and in inputs, then the resolver sees them in lower case', async () => {
    const result = await graphql({
      schema,
      rootValue,
      source: `query ($f: Filter) { echo(id: "${ID}", ids: ["${ID}"], filter: $f, note: "ABC") }`,
      variableValues: { f: { eventId: ID, tags: [ID], name: 'KEEP' } },
    });

    expect(result.errors).toBeUndefined();
    const lower = ID.toLowerCase();
    expect(seen).toEqual([
      { id: lower, ids: [lower], filter: { eventId: lower, tags: [lower], name: 'KEEP' }, note: 'ABC' },
    ]);
  });

  it('when an id is malformed, then it is BAD_USER_INPUT naming the field, and the resolver never runs', async () => {
    const result = await graphql({
      schema,
      rootValue,
      source: `{ echo(id: "x", filter: { eventId: "${ID}" }) }`,
    });

    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(seen).toEqual([]);
  });
});
