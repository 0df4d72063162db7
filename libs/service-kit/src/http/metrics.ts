import { type Express } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per service, with Node's default metrics labelled by service. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

export function mountMetrics(app: Express, registry: Registry): void {
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  });
}
