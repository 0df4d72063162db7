import { type Redis } from 'ioredis';
import { type Logger } from 'pino';
import { underLease } from '../leases/lease';

/** Figures kept in Redis as data is written, and how to make them whole from the database. */
export interface FigureSource {
  name: string;
  /**
   * Builds what Redis lacks (new, emptied or restarted): documents read, or null when
   * nothing was missing. An aborted build stops reading and marks nothing built.
   */
  build(signal: AbortSignal): Promise<number | null>;
  /** Records what a process that died between writing and recording left out: items repaired. */
  repair?(): Promise<number>;
}

export interface FiguresUpkeepOptions {
  intervalMs: number;
  /** Unique per database, like the figures' own keys. */
  leaseKey: string;
}

/**
 * A build reads whole collections for minutes; the lease is renewed while it runs, so
 * this is only how long a killed holder keeps the others waiting.
 */
const LEASE_MS = 30_000;

/**
 * Keeps the figures true, in the background and on one instance at a time (a lease in
 * Redis, `underLease`, that expires when its holder dies): each pass builds what Redis lacks and
 * repairs what crashes left out. Readers answer from the database until a figure is
 * built, so a pass never holds up start-up or a request.
 */
export class FiguresUpkeep {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly sources: readonly FigureSource[],
    private readonly redis: Redis,
    private readonly options: FiguresUpkeepOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Ends a running build at its next batch: a stopping process does not wait minutes for it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await this.pass;
  }

  /** One pass, or the one already running; nothing is done while another instance holds the lease. */
  runOnce(): Promise<void> {
    this.pass ??= this.leased()
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'figures upkeep failed; the next pass tries again'),
      )
      .finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async leased(): Promise<void> {
    await underLease(this.redis, this.options.leaseKey, { ttlMs: LEASE_MS }, async (lost) => {
      // A lost lease ends the build too: another instance may be building the same figures.
      const signal = AbortSignal.any([this.stopping.signal, lost]);
      for (const source of this.sources) await this.keep(source, signal);
    });
  }

  private async keep(source: FigureSource, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    const built = await source.build(signal);
    if (signal.aborted) return;
    if (built !== null)
      this.logger.info({ figures: source.name, documents: built, ms: Date.now() - started }, 'figures built');
    const repaired = (await source.repair?.()) ?? 0;
    if (repaired)
      this.logger.info(
        { figures: source.name, items: repaired },
        'recorded changes whose process stopped before recording them',
      );
  }
}
