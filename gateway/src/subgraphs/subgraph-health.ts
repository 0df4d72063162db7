import { type Express } from 'express';
import { type DependencyProbe, type ReadinessCheck } from '@rewardgraph/service-kit';
import { type SubgraphEndpoints } from './forwarding-data-source';

/** @apollo/gateway's health check document: subgraphs log it at debug, not as an operation. */
const HEALTH_CHECK = JSON.stringify({ query: 'query __ApolloServiceHealthCheck__ { __typename }' });

const PREFIX = 'subgraph-';

/**
 * A check per subgraph (`subgraph-auth`, `subgraph-events`), for the dependency probe:
 * a direct, unsigned `{ __typename }` that must come back as GraphQL data within
 * `timeoutMs`.
 */
export function subgraphChecks(
  endpoints: SubgraphEndpoints,
  timeoutMs: number,
): Record<string, ReadinessCheck> {
  return Object.fromEntries(
    Object.entries(endpoints).map(([name, url]) => [
      `${PREFIX}${name}`,
      async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: HEALTH_CHECK,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await response.json()) as { data?: { __typename?: string } };
        if (!response.ok || !body.data?.__typename) throw new Error(`answered HTTP ${response.status}`);
      },
    ]),
  );
}

/**
 * `GET /health/subgraphs`: what the probe last saw of each subgraph, 200 when all
 * answered, 503 otherwise. For people and monitors; a load balancer uses
 * `/health/ready`, which a subgraph's outage does not fail (the gateway still answers
 * everything the other subgraphs serve).
 */
export function mountSubgraphHealth(app: Express, probe: DependencyProbe): void {
  app.get('/health/subgraphs', (_req, res) => {
    const subgraphs = Object.fromEntries(
      Object.entries(probe.status)
        .filter(([dependency]) => dependency.startsWith(PREFIX))
        .map(([dependency, state]) => [dependency.slice(PREFIX.length), state]),
    );
    const healthy = Object.values(subgraphs).every((state) => state === 'up');
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', subgraphs });
  });
}
