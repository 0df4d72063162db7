import { type ApolloServerPlugin } from '@apollo/server';
import { type GatewayContext } from '../gateway-context';
import { type ResponseCache } from './response-cache';
import { missedCacheKey } from './serve-cached-responses';

/**
 * Stores the answer of a query that missed the response cache, when Apollo's cache
 * policy (from every subgraph's `Cache-Control`) allows it for callers with the same
 * roles (PUBLIC), it holds no errors, and every subgraph that answered reported the
 * version it answered from. The store does not hold up the response.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, overallCachePolicy, operation }) {
          const { fetches, generations } = contextValue.subgraphAnswers;
          for (const generation of generations) cache.learn(generation);
          const key = missedCacheKey(contextValue.res);
          if (!key || operation?.operation !== 'query' || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          const policy = overallCachePolicy.policyIfCacheable();
          if (singleResult.errors) return;
          if (policy?.scope !== 'PUBLIC' || generations.length === 0 || generations.length !== fetches) {
            cache.markUncacheable(key);
            return;
          }
          // As Apollo writes it: the result as JSON and a newline.
          void cache.store(
            key,
            [...new Set(generations)],
            `${JSON.stringify(singleResult)}\n`,
            policy.maxAge,
          );
        },
      };
    },
  };
}
