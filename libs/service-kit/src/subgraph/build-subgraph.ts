import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, createResolversMap, type ContainerType, type NonEmptyArray } from 'type-graphql';
import { AUTH_DIRECTIVE_SDL } from '../auth/auth-directive';
import { CACHE_CONTROL_SDL } from '../cache/cache-control';
import { applyAuthGuard } from '../auth/auth-guard';
import { ALL_ROLES } from '../auth/role';
import { INPUT_DIRECTIVES_SDL } from '../inputs/input-directives';
import { applyInputEdge } from '../inputs/input-edge';
import { type ServiceContext } from '../auth/service-context';
import { applyEntityReferenceKeys } from './entity-references';
import { applyRateLimits, RATE_LIMIT_DIRECTIVE_SDL } from '../rate-limit/rate-limit-directive';
import { type Redis } from 'ioredis';

const FEDERATION_LINKS = `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@composeDirective", "@inaccessible"])
  @link(url: "https://rewardgraph.dev/auth/v1.0", import: ["@auth"])
  @composeDirective(name: "@auth")
`;

export type ReferenceResolvers = Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (reference: any, context: ServiceContext, info: unknown) => unknown
>;

export interface SubgraphDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type; guarded by the type's `@auth`, if it has one. */
  references?: ReferenceResolvers;
  /** Hands type-graphql the resolver instances the composition root built. */
  container?: ContainerType;
  /** Where `@rateLimit` counts calls; without it (printing the SDL) limits are not enforced. */
  rateLimitRedis?: Redis;
}

/** The subgraph SDL (with federation links and the `@auth` directive) and its resolvers. */
export async function buildSubgraph(definition: SubgraphDefinition): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    container: definition.container,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false },
    skipCheck: true,
  });
  const printed = printSchemaWithDirectives(schema);
  const roleEnum = /\benum Role\b/.test(printed) ? '' : `enum Role { ${ALL_ROLES.join(' ')} }\n`;
  const typeDefs = parse(
    `${FEDERATION_LINKS}\n${AUTH_DIRECTIVE_SDL}\n${CACHE_CONTROL_SDL}\n${RATE_LIMIT_DIRECTIVE_SDL}\n${INPUT_DIRECTIVES_SDL}\n${roleEnum}${printed}`,
  );

  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(definition.references ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: resolveReference as (reference: object, context: unknown) => unknown,
    };
  }
  const subgraph = applyInputEdge(buildSubgraphSchema({ typeDefs, resolvers }));
  // The guard wraps the limiter, so refused callers are not counted against anyone.
  const limited = definition.rateLimitRedis ? applyRateLimits(subgraph, definition.rateLimitRedis) : subgraph;
  // Representations are coerced before the guard reads them, as arguments are before any resolver.
  return applyEntityReferenceKeys(applyAuthGuard(limited));
}
