import { type Logger } from 'pino';
import { ConfigError } from '../config/load-config';

export interface ServiceApp {
  logger: Logger;
  start(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs a service's composition root as a process: a bad config is printed in full
 * and exits 1; SIGINT/SIGTERM drain the server and close clients before exiting.
 */
export async function runService(name: string, create: () => Promise<ServiceApp>): Promise<void> {
  let app: ServiceApp;
  try {
    app = await create();
    await app.start();
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : (error as Error).stack;
    process.stderr.write(`${name} failed to start: ${message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    app.stop().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error: unknown) => {
        app.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
