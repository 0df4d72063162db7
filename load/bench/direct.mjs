// A call straight to the events subgraph, as the gateway makes it: the operation its
// query planner sends for the client's document, the caller's token, and the forwarded
// context (request id, client address) signed with the signing secret the
// bench services run with (libs/service-kit/src/trust/forwarded-context.ts).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { signForwardedContext } from '@rewardgraph/service-kit';
import { BENCH_SIGNING_SECRET, ROOT } from './profile.mjs';

const supergraph = Supergraph.build(readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
const planner = new QueryPlanner(supergraph);

/**
 * What the gateway sends `subgraph` for `document`, when its whole plan is one fetch there
 * (null otherwise: a plan over two subgraphs has no single direct equivalent).
 */
export function subgraphOperation(document, subgraph) {
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(document)));
  const fetch = plan.node;
  if (fetch?.kind !== 'Fetch' || fetch.serviceName !== subgraph) return null;
  return {
    query: fetch.operation,
    operationName: fetch.operationName,
    variableNames: fetch.variableUsages ?? [],
  };
}

/** The headers of one forwarded call: a fresh request id and signature, as the gateway signs each. */
export const forwardedHeaders = (token, clientIp) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...signForwardedContext(BENCH_SIGNING_SECRET, { requestId: randomUUID(), clientIp }),
});
