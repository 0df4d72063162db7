import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import { type Logger } from 'pino';
import { type NodeEnv } from '@rewardgraph/service-kit';

/** Where the README sends people; the GraphQL endpoint stays /graphql. */
export const EXPLORER_PATH = '/explorer';

/** A development tool: never in production, and the test stack does not need it (its e2e starts a development gateway). */
export const explorerServed = (nodeEnv: NodeEnv) => nodeEnv === 'development';

/**
 * The gateway's own origin only. Monaco (GraphiQL's editor) writes inline styles, so
 * styles also allow 'unsafe-inline'; the fonts are data: URLs inside the stylesheet.
 * Scripts, workers and requests never leave the origin.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', EXPLORER_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // The file names do not change between builds: the browser asks again each time (ETag).
  res.setHeader('Cache-Control', 'no-cache');
  next();
};

/** A browser opening the endpoint itself gets the explorer; GraphQL GETs (JSON clients) go on. */
const browserToExplorer: RequestHandler = (req, res, next) => {
  const wantsPage = req.accepts(['application/json', 'text/html']) === 'text/html';
  if (wantsPage && req.query.query === undefined) return res.redirect(302, `${EXPLORER_PATH}/`);
  next();
};

/**
 * Serves GraphiQL as prebuilt by the explorer package (`explorer/dist`, built before the
 * gateway by Nx). Mounted before /graphql. Returns false when the files are missing: the
 * API still runs and unknown paths answer the usual JSON 404.
 */
export function mountExplorer(app: Express, dir: string, logger: Logger): boolean {
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn({ dir }, 'API explorer not built (npx nx run @rewardgraph/explorer:build); not served');
    return false;
  }
  app.get('/graphql', browserToExplorer);
  app.use(EXPLORER_PATH, securityHeaders, express.static(dir, { cacheControl: false }));
  return true;
}
