// The hop baseline: a bare node:http server that passes every request on to the events
// subgraph over kept-alive connections and streams its answer back, doing nothing else.
// Set against the gateway, it shows what an HTTP hop itself costs on this machine and
// what is the gateway's own work per operation. Runs as a child of the bench.
import http from 'node:http';

process.once('message', ({ target }) => {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const server = http.createServer((request, response) => {
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: upstream.pathname,
        method: request.method,
        headers: request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () =>
    process.send({ port: /** @type {import('node:net').AddressInfo} */ (server.address()).port }),
  );
  process.once('disconnect', () => server.close(() => process.exit(0)));
});
