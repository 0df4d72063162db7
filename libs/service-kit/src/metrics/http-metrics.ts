import { type RequestHandler } from 'express';
import { type Registry } from 'prom-client';
import { histogramOn, secondsSince } from './metric-on';

/** The routes every service serves; anything else is counted as `other` (404s, scanners). */
export const COMMON_ROUTES = ['/graphql', '/health/live', '/health/ready', '/metrics'];

const routeOf = (path: string, routes: readonly string[]) =>
  routes.find((route) => path === route || path.startsWith(`${route}/`)) ?? 'other';

/**
 * `http_server_request_duration_seconds{method, route, status_class}` for every request
 * Express sees. Routes come from a fixed list and methods are folded to the few HTTP
 * defines, so a client sending random paths or verbs cannot grow the series.
 */
export function httpMetrics(registry: Registry, routes: readonly string[] = COMMON_ROUTES): RequestHandler {
  const duration = histogramOn(registry, {
    name: 'http_server_request_duration_seconds',
    help: 'HTTP requests from arrival to the end of the answer, by method, route and status class',
    labelNames: ['method', 'route', 'status_class'],
  });
  const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
  return (req, res, next) => {
    const started = performance.now();
    // Read now: routers rewrite `req.url` while they handle the request.
    const route = routeOf(req.path, routes);
    // `close` follows `finish`, and also comes alone when the client hangs up first.
    res.once('close', () => {
      duration.observe(
        {
          method: methods.has(req.method) ? req.method : 'OTHER',
          route,
          status_class: res.headersSent ? `${String(res.statusCode)[0]}xx` : 'aborted',
        },
        secondsSince(started),
      );
    });
    next();
  };
}
