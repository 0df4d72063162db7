import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type CommonConfig } from '../config/load-config';

export type QueryLimitSettings = Pick<
  CommonConfig,
  'NODE_ENV' | 'MAX_QUERY_DEPTH' | 'MAX_QUERY_COST' | 'MAX_ALIASES'
>;

/** Lexical tokens of one operation at the gateway: a parser bomb ends here. */
export const MAX_TOKENS = 5000;
export const MAX_DIRECTIVES = 50;

/**
 * What the gateway's query plan may add to a client operation when it becomes a
 * subgraph fetch, so that every operation the gateway admits also passes the subgraph.
 * Measured against the supergraph in gateway/src/subgraphs/query-plan-limits.spec.ts:
 * - depth +1: an entity fetch `_entities { ... on User { wallet { … } } }` puts the
 *   subtree of a root field (`me { wallet { … } }`) one level deeper;
 * - cost ×2.5: that level multiplies the subtree's cost by the depth factor (1.5), and
 *   the `__typename` the planner adds to every abstract selection raises it by up to
 *   1.6× more (`reward { id }` costs 3.5, `reward { __typename id }` 5, compounding to
 *   1.6 along nested abstract selections); 1.5 × 1.6 = 2.4;
 * - tokens ×2: the `__typename` and key fields the plan adds, and the fetch's wrapper;
 * - aliases and directives: none added.
 */
export const QUERY_PLAN_ALLOWANCE = { depth: 1, costFactor: 2.5, tokensFactor: 2 };

/** The numbers each side applies; see QUERY_PLAN_ALLOWANCE. */
export function queryLimitsOf(settings: QueryLimitSettings, at: 'gateway' | 'subgraph') {
  const plan = at === 'subgraph';
  return {
    depth: settings.MAX_QUERY_DEPTH + (plan ? QUERY_PLAN_ALLOWANCE.depth : 0),
    cost: Math.ceil(settings.MAX_QUERY_COST * (plan ? QUERY_PLAN_ALLOWANCE.costFactor : 1)),
    aliases: settings.MAX_ALIASES,
    directives: MAX_DIRECTIVES,
    tokens: MAX_TOKENS * (plan ? QUERY_PLAN_ALLOWANCE.tokensFactor : 1),
  };
}

/**
 * Depth, cost, alias and directive limits, checked while validating, before any resolver
 * runs, and the token limit, counted by graphql-js's own parser (`parseOptions`): armor's
 * token plugin parses again in a hook, where a syntax error became HTTP 500. Schema
 * suggestions are left to the error formatter, which also removes those armor misses
 * (enum values). The gateway and every subgraph apply them the gateway and every subgraph apply them (subgraphs with the plan's
 * allowance), so a caller that reaches a subgraph directly gets no more than the gateway allows.
 * Spread into the ApolloServer options; its `plugins` go into the server's plugin list.
 */
export function queryArmor(settings: QueryLimitSettings, at: 'gateway' | 'subgraph') {
  const limits = queryLimitsOf(settings, at);
  const protection = new ApolloArmor({
    maxDepth: { n: limits.depth },
    costLimit: { maxCost: limits.cost },
    maxAliases: { n: limits.aliases },
    maxDirectives: { n: limits.directives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { ...protection, parseOptions: { maxTokens: limits.tokens } };
}
