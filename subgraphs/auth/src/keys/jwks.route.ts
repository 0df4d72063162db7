import { type Express } from 'express';
import { type SigningKeys } from './signing-keys';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Publishes next, current and still-alive previous keys; verifiers cache them for a few minutes. */
export function mountJwks(app: Express, keys: SigningKeys): void {
  app.get(JWKS_PATH, (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.json(keys.jwks());
  });
}
