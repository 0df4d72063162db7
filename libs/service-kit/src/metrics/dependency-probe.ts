import { type Logger } from 'pino';
import { type Gauge, type Registry } from 'prom-client';
import { withDeadline } from '../cache/deadline';
import { type ReadinessCheck } from '../http/health';
import { gaugeOn } from './metric-on';

export interface DependencyProbeOptions {
  /** Each dependency by name, e.g. `event-db`, `redis-data`, `subgraph:events`. */
  checks: Record<string, ReadinessCheck>;
  intervalMs: number;
  /** A check slower than this counts as down. */
  timeoutMs: number;
  logger: Logger;
  registry: Registry;
}

/**
 * `rewardgraph_dependency_up{dependency}`: 1 while the dependency answered its last
 * check, 0 otherwise, checked every `intervalMs` in the background. A process stays
 * `up` for Prometheus while its database is gone; this gauge is what says so. A change
 * is logged once (warn when it goes down, info when it is back), not every check.
 */
export class DependencyProbe {
  private readonly states = new Map<string, boolean>();
  private readonly gauge: Gauge<'dependency'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: DependencyProbeOptions) {
    this.gauge = gaugeOn(options.registry, {
      name: 'rewardgraph_dependency_up',
      help: 'Whether a dependency answered its last health check (1) or not (0)',
      labelNames: ['dependency'],
    });
  }

  /** What each dependency answered last: `up`, `down`, or `unknown` before the first check. */
  get status(): Record<string, 'up' | 'down' | 'unknown'> {
    return Object.fromEntries(
      Object.keys(this.options.checks).map((name) => {
        const state = this.states.get(name);
        return [name, state === undefined ? 'unknown' : state ? 'up' : 'down'];
      }),
    );
  }

  /** Checks once now, then every interval until `stop()`. */
  async start(): Promise<void> {
    await this.checkAll();
    const tick = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.running = this.checkAll().finally(tick);
      }, this.options.intervalMs);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async checkAll(): Promise<void> {
    const { checks, timeoutMs, logger } = this.options;
    await Promise.all(
      Object.entries(checks).map(async ([dependency, check]) => {
        const up = await withDeadline(check(), timeoutMs).then(
          () => true,
          (error: unknown) => {
            if (this.states.get(dependency) !== false)
              logger.warn({ err: error, dependency }, 'dependency down');
            return false;
          },
        );
        if (up && this.states.get(dependency) === false) logger.info({ dependency }, 'dependency back');
        this.states.set(dependency, up);
        this.gauge.set({ dependency }, up ? 1 : 0);
      }),
    );
  }
}
