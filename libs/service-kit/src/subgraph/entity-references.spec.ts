import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { applyEntityReferenceKeys } from './entity-references';

const seen: unknown[] = [];
const schema = applyEntityReferenceKeys(
  buildSubgraphSchema({
    typeDefs: parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      scalar DateTime
      type Account @key(fields: "id") { id: ID! name: String }
      type Range @key(fields: "from to") { from: DateTime! to: DateTime! total: Int }
      type Span { from: DateTime! to: DateTime! }
      type Report @key(fields: "span { from to }") { span: Span! total: Int }
      type Plain { id: ID! }
      type Query { plain: Plain }
    `),
    resolvers: {
      DateTime: DateTimeResolver,
      Account: {
        __resolveReference: (reference: unknown) => {
          seen.push(reference);
          return reference;
        },
      },
      Report: {
        __resolveReference: (reference: unknown) => {
          seen.push(reference);
          return reference;
        },
      },
    },
  }),
);

const ID = '6B0727BFF5209574B4D4255A';
const entities = (representations: unknown[]) =>
  graphql({
    schema,
    source: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id } ... on Range { total } ... on Report { total } } }`,
    variableValues: { r: representations },
  });
const codes = (result: Awaited<ReturnType<typeof entities>>) =>
  (result.errors ?? []).map((e) => e.extensions.code);

describe('entity representations at the edge', () => {
  beforeEach(() => (seen.length = 0));

  it('when a key id comes in upper case, then the reference resolver sees it canonical', async () => {
    const result = await entities([{ __typename: 'Account', id: ID }]);

    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([{ __typename: 'Account', id: ID.toLowerCase() }]);
  });

  it('when the fields of a two-field key are valid, then an entity without a resolver of its own gets them coerced', async () => {
    const result = await entities([
      { __typename: 'Range', from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', total: 3 },
    ]);

    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ total: 3 }]);
  });

  it('when a nested key is complete, then the reference resolver sees its dates coerced', async () => {
    const result = await entities([
      { __typename: 'Report', span: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' }, total: 1 },
    ]);

    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([
      {
        __typename: 'Report',
        span: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') },
        total: 1,
      },
    ]);
  });

  it.each([
    ['an operator object as id', { __typename: 'Account', id: { $ne: null } }],
    ['a malformed id', { __typename: 'Account', id: 'not-an-id' }],
    ['a list as id', { __typename: 'Account', id: [ID] }],
    ['no key', { __typename: 'Account', name: 'x' }],
    ['an operator object in another field', { __typename: 'Account', id: ID, name: { $regex: '.' } }],
    ['a field the type does not have', { __typename: 'Account', id: ID, passwordHash: 'x' }],
    [
      'an operator object in a date key',
      { __typename: 'Range', from: { $gt: '' }, to: '2026-01-02T00:00:00Z' },
    ],
    ['half of a nested key', { __typename: 'Report', span: { from: '2026-01-01T00:00:00Z' } }],
    [
      'an operator object in a nested key',
      { __typename: 'Report', span: { from: { $gt: '' }, to: '2026-01-02T00:00:00Z' } },
    ],
    ['a scalar for a nested key', { __typename: 'Report', span: '2026-01-01' }],
    ['a type that is no entity', { __typename: 'Plain', id: ID }],
    ['an unknown type', { __typename: 'Nope', id: ID }],
    ['no type at all', { id: ID }],
  ])(
    'when a representation holds %s, then the call is BAD_USER_INPUT and no resolver runs',
    async (_case, r) => {
      const result = await entities([{ __typename: 'Account', id: ID }, r]);

      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(result.errors)).not.toContain('$');
      expect(seen).toEqual([]);
    },
  );
});
