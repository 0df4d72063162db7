import { once } from 'node:events';
import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

/**
 * Idle keep-alive connections stay open longer than any client in front of us (the
 * gateway's subgraph pool, a load balancer) keeps its own: the client always closes
 * first, so it never sends a request on a connection the server is closing at that
 * moment ("socket hang up" under bursts).
 */
const KEEP_ALIVE_MS = 65_000;

/** Listens and returns the bound URL (port 0 picks a free port, as tests do). */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
}
