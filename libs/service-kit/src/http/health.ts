import { type Express } from 'express';
import { type Logger } from 'pino';

/** A named dependency check for readiness; it resolves when the dependency answers. */
export type ReadinessCheck = () => Promise<unknown>;

const within = (ms: number, check: ReadinessCheck) =>
  Promise.race([
    check(),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);

/**
 * `/health/live`: the process serves HTTP. `/health/ready`: every dependency answers,
 * so a load balancer may send traffic.
 */
export function mountHealth(app: Express, checks: Record<string, ReadinessCheck>, logger: Logger): void {
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await within(2000, check);
          return [name, 'ok'] as const;
        } catch (error) {
          logger.warn({ err: error, dependency: name }, 'readiness check failed');
          return [name, 'down'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
}
