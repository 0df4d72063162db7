import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import { type GraphQLResolveInfo } from 'graphql';
import { Directive } from 'type-graphql';

/**
 * Apollo's cache hints in a subgraph's SDL. The gateway reads each subgraph's answer
 * as a `Cache-Control` header and caches a whole response only when every part of it
 * allows (docs/architecture.md, "The response cache"). The scope enum is
 * `@inaccessible`: it belongs to the subgraphs and the gateway, not to the API.
 */
export const CACHE_CONTROL_SDL = `
enum CacheControlScope @inaccessible {
  PUBLIC
  PRIVATE
}
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

export interface CacheHint {
  /** Seconds the answer stays true unless a write says otherwise. */
  maxAge?: number;
  /**
   * PUBLIC: the same for every caller with the same roles (the gateway keys entries by
   * the caller's roles). PRIVATE: depends on who asks; never cached across callers.
   */
  scope?: 'PUBLIC' | 'PRIVATE';
  /** As cacheable as the field that returned it (connections, plain records). */
  inheritMaxAge?: boolean;
}

/**
 * A cache hint on a field or type. A field that returns an object type without a hint
 * is uncacheable, so a response is only cacheable when every object in it says so.
 */
export function CacheControl({ maxAge, scope, inheritMaxAge }: CacheHint) {
  const args = [
    maxAge !== undefined && `maxAge: ${maxAge}`,
    scope && `scope: ${scope}`,
    inheritMaxAge && 'inheritMaxAge: true',
  ].filter(Boolean);
  return Directive(`@cacheControl(${args.join(', ')})`);
}

/**
 * Shortens the current field's hint to `seconds` (never lengthens it): for answers
 * that change with the clock, not with writes. Outside Apollo's cache-control plugin
 * there is no hint to shorten.
 */
export function restrictCacheAge(info: GraphQLResolveInfo, seconds: number): void {
  const hint = maybeCacheControlFromInfo(info)?.cacheHint;
  // restrict() would give an unhinted field (uncacheable by default) an age of its own.
  if (hint?.maxAge !== undefined) hint.restrict({ maxAge: Math.max(0, Math.floor(seconds)) });
}
