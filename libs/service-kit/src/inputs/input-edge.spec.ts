import { buildSchema, graphql } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { INPUT_DIRECTIVES_SDL } from './input-directives';
import { applyInputEdge } from './input-edge';

const seen: unknown[] = [];
const built = buildSchema(`
  ${INPUT_DIRECTIVES_SDL}
  scalar JSONObject
  input Filter { eventId: ID, tags: [ID!], name: String }
  input Credentials { email: String!, password: String! @verbatim }
  input Note { title: String, body: String @multiline, rule: JSONObject }
  type Query {
    echo(id: ID, ids: [ID!], filter: Filter, note: String, login: Credentials, text: Note): Boolean
  }
`);
Object.assign(built.getType('JSONObject')!, {
  parseValue: GraphQLJSONObject.parseValue,
  parseLiteral: GraphQLJSONObject.parseLiteral,
});
const schema = applyInputEdge(built);
/** The default resolver calls a root function with the (already cleaned) arguments. */
const rootValue = {
  echo: (args: unknown) => {
    seen.push(args);
    return true;
  },
};
const run = (source: string, variableValues?: Record<string, unknown>) =>
  graphql({ schema, rootValue, source, variableValues });

const ID = '6B0727BFF5209574B4D4255A';
const ECHO = `query ($n: String, $l: Credentials, $t: Note) { echo(note: $n, login: $l, text: $t) }`;

describe('the input edge', () => {
  beforeEach(() => (seen.length = 0));

  it('when ids come in upper case, in lists and in inputs, then the resolver sees them in lower case', async () => {
    const result = await run(
      `query ($f: Filter) { echo(id: "${ID}", ids: ["${ID}"], filter: $f, note: "ABC") }`,
      { f: { eventId: ID, tags: [ID], name: 'KEEP' } },
    );

    expect(result.errors).toBeUndefined();
    const lower = ID.toLowerCase();
    expect(seen).toEqual([
      { id: lower, ids: [lower], filter: { eventId: lower, tags: [lower], name: 'KEEP' }, note: 'ABC' },
    ]);
  });

  it('when an optional input object is sent as null, then the resolver sees it left out', async () => {
    const result = await run(`query ($f: Filter) { echo(filter: $f, note: "n") }`, { f: null });

    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([{ note: 'n' }]);
  });

  it('when an id is malformed, then it is BAD_USER_INPUT naming the field, and the resolver never runs', async () => {
    const result = await run(`{ echo(id: "x", filter: { eventId: "${ID}" }) }`);

    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(seen).toEqual([]);
  });

  it('when strings carry surrounding whitespace, in arguments, inputs and JSON, then the resolver sees them trimmed', async () => {
    const result = await run(ECHO, {
      n: '  hello \n',
      t: {
        title: '\t title ',
        body: '  line one\nline two  ',
        rule: { metric: ' loginDays ', any: [' x '] },
      },
    });

    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([
      {
        note: 'hello',
        text: { title: 'title', body: 'line one\nline two', rule: { metric: 'loginDays', any: ['x'] } },
      },
    ]);
  });

  it('when a password has surrounding spaces, then it is kept verbatim while its email is trimmed', async () => {
    const result = await run(ECHO, { l: { email: ' a@b.test ', password: '  secret pass  ' } });

    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([{ login: { email: 'a@b.test', password: '  secret pass  ' } }]);
  });

  it.each([
    ['a NUL byte in an argument', { n: 'a\u0000b' }, 'note'],
    ['a line break in a one-line field', { t: { title: 'a\nb' } }, 'title'],
    ['a bell in a multi-line field', { t: { body: 'a\u0007b' } }, 'body'],
    ['a C1 control in a password', { l: { email: 'a@b.test', password: 'pass\u0085word' } }, 'password'],
    ['a NUL byte inside a JSON input', { t: { rule: { metric: 'x\u0000' } } }, 'rule'],
    ['a NUL byte in a JSON key', { t: { rule: { 'me\u0000tric': 1 } } }, 'rule'],
    ['a lone surrogate', { n: 'a\ud800b' }, 'note'],
  ])(
    'when a string holds %s, then it is BAD_USER_INPUT naming the field, without the value',
    async (_, variables, field) => {
      const result = await run(ECHO, variables);

      const error = result.errors?.[0];
      expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(error?.message).toMatch(
        new RegExp(`^${field} (must not contain control characters|is not valid Unicode text)$`),
      );
      expect(seen).toEqual([]);
    },
  );

  it('when a multi-line field holds line breaks and tabs, then they are kept', async () => {
    const result = await run(ECHO, { t: { body: 'one\r\n\ttwo' } });

    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([{ text: { body: 'one\r\n\ttwo' } }]);
  });
});
