import { DEMO_ADMIN_PASSWORD } from '@rewardgraph/auth/dist/config';
import { stack } from '../support/env';
import { gql } from '../support/graphql';
import { authRefusingToStart, startGatewayInstance, type ExtraInstance } from '../support/stack';

/** Production is the default: a service started without NODE_ENV exposes nothing a deployment must not. */
describe('a gateway started without NODE_ENV', () => {
  let gateway: ExtraInstance;
  const url = () => `${gateway.url}/graphql`;

  beforeAll(async () => {
    gateway = await startGatewayInstance(stack(), 'gateway-no-node-env', 14103, { NODE_ENV: undefined });
  });
  afterAll(() => gateway?.stop());

  it('when a client introspects it, then introspection is refused', async () => {
    const result = await gql(`{ __schema { queryType { name } } }`, {}, { url: url() });
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].message).toMatch(/introspection/i);
  });

  it('when a browser opens /graphql or /explorer, then no Sandbox and no explorer is served', async () => {
    const page = await fetch(url(), { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(await page.text()).not.toMatch(/sandbox/i);
    const explorer = await fetch(`${gateway.url}/explorer/`);
    expect(explorer.status).toBe(404);
    expect(await explorer.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('when a query has errors, then the answer carries no stack trace and no field suggestion', async () => {
    const results = [
      await gql(`{ mee { id } }`, {}, { url: url() }),
      await gql(`{ me { id } }`, {}, { url: url() }),
    ];
    for (const result of results) {
      const body = JSON.stringify(result.errors);
      expect(result.errors?.length).toBeGreaterThan(0);
      expect(body).not.toMatch(/stacktrace|\s+at \S+ \(|Did you mean/);
    }
  });
});

describe('an auth service in production with public secrets', () => {
  it('when it is started with the demo admin password and no signing secret, then it exits non-zero naming both settings, printing neither value', async () => {
    const { code, output } = await authRefusingToStart(stack(), 'auth-demo-password', 14104, {
      NODE_ENV: undefined,
      ADMIN_PASSWORD: DEMO_ADMIN_PASSWORD,
      SUBGRAPH_SIGNING_SECRET: undefined,
    });

    expect(code).not.toBe(0);
    expect(output).toMatch(/ADMIN_PASSWORD: required in production/);
    expect(output).toMatch(/SUBGRAPH_SIGNING_SECRET: required in production/);
    expect(output).not.toContain(DEMO_ADMIN_PASSWORD);
  });
});
