import express, { type Express } from 'express';

/**
 * The express app every service serves from: no framework banner, and no ETag on
 * answers. GraphQL answers are POSTs, which never get a 304, so hashing every body was
 * pure waste, a measurable share of a loaded gateway's CPU. Static files (the explorer)
 * keep the ETags their own middleware makes.
 */
export function createExpressApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  return app;
}
