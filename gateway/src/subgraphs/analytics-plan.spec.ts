import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';

/**
 * The user analytics span two subgraphs; every call the gateway makes after another adds
 * a round trip to the dashboard's slowest question. Plans the real supergraph.
 */
const supergraph = Supergraph.build(
  readFileSync(join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8'),
);
const planner = new QueryPlanner(supergraph);

/** The subgraphs called one after the other on the plan's longest path. */
function longestPath(node: PlanNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node.serviceName];
    case 'Flatten':
      return longestPath(node.node);
    case 'Sequence':
      return node.nodes.flatMap(longestPath);
    case 'Parallel':
      return node.nodes.map(longestPath).reduce((a, b) => (b.length > a.length ? b : a), []);
    default:
      throw new Error(`plan node ${node.kind} is not expected in this supergraph`);
  }
}

const pathOf = (query: string) =>
  longestPath(
    planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(query))).node as
      PlanNode | undefined,
  );

describe('the gateway plan of the user analytics', () => {
  it('when every figure is asked, participationRate included, then auth is called and then the events subgraph, nothing more', () => {
    const path = pathOf(`query($range: DateRangeInput!) {
      userAnalytics(range: $range) {
        range { from to } newUsers newUsersTimeline { day count } totalUsers
        participants activeUsers activityTimeline { day count } participationRate
      }
    }`);

    expect(path).toEqual(['auth', 'events']);
  });

  it('when the whole dashboard question is asked, then its longest path is still two calls', () => {
    const path = pathOf(`query($range: DateRangeInput!) {
      eventAnalytics(range: $range) { statusDistribution { status count } }
      rewardAnalytics(range: $range) { typeDistribution { type count } }
      userAnalytics(range: $range) { newUsers totalUsers participants participationRate }
    }`);

    expect(path).toEqual(['auth', 'events']);
  });
});
