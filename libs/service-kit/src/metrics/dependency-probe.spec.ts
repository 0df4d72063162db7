import pino from 'pino';
import { Registry } from 'prom-client';
import { DependencyProbe } from './dependency-probe';

const gaugeValues = async (registry: Registry) =>
  Object.fromEntries(
    (await registry.getSingleMetric('rewardgraph_dependency_up')!.get()).values.map((v) => [
      v.labels.dependency,
      v.value,
    ]),
  );

describe('the dependency probe', () => {
  it('when one dependency fails and another never answers, then both are 0 and the healthy one 1', async () => {
    const registry = new Registry();
    const probe = new DependencyProbe({
      checks: {
        healthy: async () => 'PONG',
        failing: async () => Promise.reject(new Error('refused')),
        hung: () => new Promise(() => undefined),
      },
      intervalMs: 60_000,
      timeoutMs: 20,
      logger: pino({ level: 'silent' }),
      registry,
    });

    await probe.start();
    await probe.stop();

    expect(await gaugeValues(registry)).toEqual({ healthy: 1, failing: 0, hung: 0 });
    expect(probe.status).toEqual({ healthy: 'up', failing: 'down', hung: 'down' });
  });

  it('when a dependency goes down and comes back, then it is logged once each way, not on every check', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line).msg) });
    let answers = false;
    const registry = new Registry();
    const probe = new DependencyProbe({
      checks: { db: async () => (answers ? 'ok' : Promise.reject(new Error('down'))) },
      intervalMs: 5,
      timeoutMs: 20,
      logger,
      registry,
    });

    await probe.start();
    await new Promise((resolve) => setTimeout(resolve, 40));
    answers = true;
    await new Promise((resolve) => setTimeout(resolve, 40));
    await probe.stop();

    expect(lines).toEqual(['dependency down', 'dependency back']);
    expect(await gaugeValues(registry)).toEqual({ db: 1 });
  });
});
