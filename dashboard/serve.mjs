// Serves the built dashboard (dist/): hashed assets cached for a year, every other path
// answered with index.html (the router reads it), and /config.js with the API's URL.
// `npm start` runs it; in production any static host or CDN does the same job.
//   DASHBOARD_PORT (5173), HOST (127.0.0.1), GATEWAY_PORT (3333),
//   DASHBOARD_GRAPHQL_URL: the API's URL when it is not the gateway port on this host.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = resolve(fileURLToPath(new URL('.', import.meta.url)), 'dist');
const port = Number(process.env.DASHBOARD_PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 3333);
const graphqlUrl = process.env.DASHBOARD_GRAPHQL_URL || null;

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`no build in ${dist}: run \`npx nx run @rewardgraph/dashboard:build\` first`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

const apiOrigin = graphqlUrl ? new URL(graphqlUrl).origin : `http://*:${gatewayPort}`;
const SECURITY_HEADERS = {
  // Scripts from this origin only; the API is the one other place the page talks to.
  // Mantine sets style attributes, hence 'unsafe-inline' for styles (not scripts).
  'content-security-policy': [
    "default-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const configScript = `window.__REWARDGRAPH__ = ${JSON.stringify({ graphqlUrl, gatewayPort })};\n`;

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dashboard').pathname);
  if (path === '/config.js') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': TYPES['.js'], 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : configScript);
    return;
  }
  const file = normalize(join(dist, path));
  const isFile = file.startsWith(dist + '/') && existsSync(file) && statSync(file).isFile();
  // Paths without a file are the router's pages; a missing asset is a real 404.
  if (!isFile && path.startsWith('/assets/')) {
    res.writeHead(404, SECURITY_HEADERS).end();
    return;
  }
  const served = isFile ? file : join(dist, 'index.html');
  const immutable = served.startsWith(join(dist, 'assets') + '/');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(served)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(served).pipe(res);
});

server.listen(port, host, () => {
  console.log(`dashboard on http://${host}:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
