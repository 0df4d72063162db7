import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import { pino } from 'pino';
import { type Caller } from '../auth/caller';
import { operationLogPlugin } from './operation-log.plugin';

const schema = buildSchema('type Query { hello: String, forbidden: String }');
const rootValue = {
  hello: () => 'hi',
  forbidden: () => {
    throw new GraphQLError('nope', { extensions: { code: 'FORBIDDEN' } });
  },
};

/** Runs one operation and returns the log lines it wrote, parsed. */
async function logOf(query: string, caller: Caller = { identity: null, tokenFailure: null }) {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const server = new ApolloServer<Caller>({ schema, rootValue, plugins: [operationLogPlugin(logger)] });
  await server.executeOperation({ query }, { contextValue: caller });
  await server.stop();
  return lines.filter((line) => line.msg === 'graphql operation');
}

describe('operation log', () => {
  it('when a signed-in user runs a named operation, then the line has its name, root fields and user', async () => {
    const [line] = await logOf('query Greeting { hello }', {
      identity: { userId: 'u1', roles: [] },
      tokenFailure: null,
    });
    expect(line).toMatchObject({
      level: 30,
      operation: 'Greeting',
      rootFields: ['hello'],
      userId: 'u1',
      errorCodes: [],
    });
    expect(line.durationMs).toEqual(expect.any(Number));
  });

  it('when an operation has no name, then it is logged as anonymous with its root fields', async () => {
    const [line] = await logOf('{ hello forbidden }');
    expect(line).toMatchObject({ operation: 'anonymous', rootFields: ['hello', 'forbidden'], userId: null });
  });

  it('when an operation answers errors, then the line lists their codes once each', async () => {
    const [line] = await logOf('{ a: forbidden b: forbidden hello }');
    expect(line.errorCodes).toEqual(['FORBIDDEN']);
  });

  it("when the gateway's readiness check asks, then the line is debug, not info", async () => {
    const [line] = await logOf('query __ApolloServiceHealthCheck__ { __typename }');
    expect(line).toMatchObject({ level: 20, operation: '__ApolloServiceHealthCheck__' });
  });
});
