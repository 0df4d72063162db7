import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stack } from '../support/env';
import { newUser } from '../support/fixtures';
import { gql } from '../support/graphql';

type LogLine = Record<string, unknown>;

const linesOf = (service: string): LogLine[] =>
  readFileSync(join(stack().logsDir, `${service}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);

/** The operation line `service` wrote for `requestId`, once it is there (logs are written as they come). */
async function operationLine(service: string, requestId: string): Promise<LogLine> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const line = linesOf(service).find((l) => l.requestId === requestId && l.msg === 'graphql operation');
    if (line || Date.now() > deadline) return line ?? {};
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('operation log lines', () => {
  it('when a signed-in user sends an unnamed operation, then gateway and subgraph lines name its root fields and the user', async () => {
    const user = await newUser('oplog');
    const requestId = `e2e-${randomUUID()}`;
    await gql('{ me { id } }', {}, { token: user.token, headers: { 'x-request-id': requestId } });

    for (const service of ['gateway', 'auth']) {
      expect(await operationLine(service, requestId)).toMatchObject({
        level: 30,
        service,
        rootFields: ['me'],
        userId: user.userId,
        errorCodes: [],
      });
    }
    expect((await operationLine('gateway', requestId)).operation).toBe('anonymous');
  });

  it('when an operation is refused, then its line carries the error code', async () => {
    const user = await newUser('oplog');
    const requestId = `e2e-${randomUUID()}`;
    await gql(
      'query StaffOnly { users(first: 1) { totalCount } }',
      {},
      { token: user.token, headers: { 'x-request-id': requestId } },
    );

    expect(await operationLine('gateway', requestId)).toMatchObject({
      operation: 'StaffOnly',
      rootFields: ['users'],
      errorCodes: ['FORBIDDEN'],
    });
  });

  it("when the gateway's readiness is probed, then the subgraphs write no info line for it", async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${stack().gatewayUrl}/health/ready`)).status).toBe(200);
    // A later request's line proves the logs were written past the probes.
    const requestId = `e2e-${randomUUID()}`;
    await gql('{ __typename }', {}, { headers: { 'x-request-id': requestId } });
    await operationLine('gateway', requestId);

    for (const service of ['auth', 'events']) {
      const probes = linesOf(service).filter((l) => l.operation === '__ApolloServiceHealthCheck__');
      expect({ service, probes }).toEqual({ service, probes: [] });
    }
  });
});
