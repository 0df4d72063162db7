import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A TCP port nobody listens on right now, from the system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ThrowawayRedis {
  url: string;
  /** A client of the test's own, e.g. to pause the server with CLIENT PAUSE. */
  admin: Redis;
  stop(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free port, kept in memory only: a test can
 * pause or kill it without touching the stack's Redis, which other tests and the bus use.
 */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  // Commands wait in the client's queue while the server starts.
  const admin = new Redis({ port, host: '127.0.0.1', retryStrategy: () => 100 });
  await admin.ping();
  return {
    url: `redis://127.0.0.1:${port}`,
    admin,
    async stop() {
      admin.disconnect();
      server.kill('SIGKILL');
      await exited;
    },
  };
}
