import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { type DocumentNode, Lexer, parse, Source, TokenKind, validate, type GraphQLSchema } from 'graphql';
import { QUERY_PLAN_ALLOWANCE, queryArmor, type QueryLimitSettings } from '@rewardgraph/service-kit';

/**
 * Every operation the gateway admits must also pass the subgraphs, although the
 * gateway's query plan turns it into fetches that are deeper and costlier than the
 * client's operation. Plans the real supergraph and checks each fetch against the
 * subgraph limits (the gateway's plus QUERY_PLAN_ALLOWANCE), with the heaviest shapes
 * the schema allows at the gateway's limits.
 */
const supergraph = Supergraph.build(
  readFileSync(join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8'),
);
const planner = new QueryPlanner(supergraph);
const apiSchema = supergraph.apiSchema();
const subgraphSchemas = new Map(
  [...supergraph.subgraphs().values()].map((s) => [s.name, s.schema.toGraphQLJSSchema()]),
);

const DEFAULTS: QueryLimitSettings = {
  NODE_ENV: 'production',
  MAX_QUERY_DEPTH: 10,
  MAX_QUERY_COST: 5000,
  MAX_ALIASES: 50,
};

function fetchesOf(node: PlanNode | undefined): FetchNode[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node];
    case 'Flatten':
      return fetchesOf(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchesOf);
    default:
      throw new Error(`plan node ${node.kind} is not expected in this supergraph`);
  }
}

const plan = (query: string) => {
  const document = parse(query);
  const queryPlan = planner.buildQueryPlan(operationFromDocument(apiSchema, document));
  return { document, fetches: fetchesOf(queryPlan.node as PlanNode | undefined) };
};

const passes = (
  schema: GraphQLSchema,
  document: DocumentNode,
  settings: QueryLimitSettings,
  at: 'gateway' | 'subgraph',
) => validate(schema, document, queryArmor(settings, at).validationRules).map((e) => e.message);

/** `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User {` and its closing braces. */
const ENTITY_FETCH_WRAPPER_TOKENS = 40;

const tokensOf = (query: string) => {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
};

function expectAdmittedEverywhere(query: string, settings = DEFAULTS) {
  const { document, fetches } = plan(query);
  expect(passes(apiSchema.toGraphQLJSSchema(), document, settings, 'gateway')).toEqual([]);
  for (const fetch of fetches) {
    const fetched = parse(fetch.operation);
    expect(passes(subgraphSchemas.get(fetch.serviceName)!, fetched, settings, 'subgraph')).toEqual([]);
    expect(tokensOf(fetch.operation)).toBeLessThanOrEqual(
      tokensOf(query) * QUERY_PLAN_ALLOWANCE.tokensFactor + ENTITY_FETCH_WRAPPER_TOKENS,
    );
  }
  return fetches.map((fetch) => ({
    service: fetch.serviceName,
    gatewayRefuses: passes(
      subgraphSchemas.get(fetch.serviceName)!,
      parse(fetch.operation),
      settings,
      'gateway',
    ),
  }));
}

describe('query plans within the subgraph limits', () => {
  it.each([
    [
      'a wallet across the User entity (e2e wallet tests)',
      `{ me { wallet { points items { itemId quantity } coupons { couponCode } badges { badgeId } } } }`,
    ],
    [
      'analytics that need a field @required from auth',
      `{ userAnalytics(range: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { participationRate newUsers } }`,
    ],
    [
      'a login answer that reaches events through its user',
      `mutation { login(input: { email: "a@b.c", password: "pw-123456789" }) { accessToken user { id wallet { points } } } }`,
    ],
  ])('when a client sends %s, then every fetch of its plan passes the subgraph', (_name, query) => {
    expectAdmittedEverywhere(query);
  });

  it('when a root entity subtree costs nearly the gateway limit, then its entity fetch costs more than the gateway limit and still passes the subgraph', () => {
    // `reward { id }` is abstract: the plan adds __typename to it, inside one more level (`... on User`).
    const requests = (alias: string, first: number) =>
      `${alias}: rewardRequests(first: ${first}) { nodes { reward { id } } }`;
    const query = `{ me { ${requests('a', 100)} ${requests('b', 100)} ${requests('c', 30)} } }`;

    const fetches = expectAdmittedEverywhere(query);

    const events = fetches.find((f) => f.service === 'events')!;
    expect(events.gatewayRefuses).toEqual([expect.stringMatching(/Cost limit of 5000 exceeded/)]);
  });

  it('when a root entity subtree is as deep as the gateway allows, then its entity fetch is one level deeper and passes the subgraph', () => {
    const query = `{ me { rewardRequests(first: 1) { nodes { reward { ... on CouponReward { couponCode } } } } } }`;
    const deepestAllowed = { ...DEFAULTS, MAX_QUERY_DEPTH: 6 };

    const fetches = expectAdmittedEverywhere(query, deepestAllowed);

    const events = fetches.find((f) => f.service === 'events')!;
    expect(events.gatewayRefuses).toEqual([expect.stringMatching(/depth limit of 6 exceeded, found 7/)]);
  });
});
