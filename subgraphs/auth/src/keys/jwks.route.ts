import { type Express } from 'express';
import { type JSONWebKeySet } from 'jose';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Publishes the public keys; verifiers cache them for a few minutes. */
export function mountJwks(app: Express, jwks: JSONWebKeySet): void {
  app.get(JWKS_PATH, (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.json(jwks);
  });
}
