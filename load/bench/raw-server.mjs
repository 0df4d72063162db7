// The baseline: a bare node:http server answering every request with the bytes the
// gateway answered (status, headers, body), after reading the request as the gateway
// must. Runs as a child of the bench, so it does not share the load generator's core.
import http from 'node:http';

process.once('message', ({ status, headers, body }) => {
  const bytes = Buffer.from(body, 'base64');
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(status, headers);
      response.end(bytes);
    });
  });
  // As the services do: keep-alive longer than any client's.
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () =>
    process.send({ port: /** @type {import('node:net').AddressInfo} */ (server.address()).port }),
  );
  process.once('disconnect', () => server.close(() => process.exit(0)));
});
