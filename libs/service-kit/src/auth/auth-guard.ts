import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { forbidden, unauthenticated } from '../errors/errors';
import { hasAnyRole } from './identity';
import { type Role } from './role';
import { type ServiceContext } from './service-context';

interface AuthRule {
  requires?: Role[];
}

export function assertAllowed(context: ServiceContext, rule: AuthRule): void {
  if (!context.identity) throw unauthenticated(context.tokenFailure?.message);
  const roles = rule.requires ?? [];
  if (roles.length > 0 && !hasAnyRole(context.identity, roles)) {
    throw forbidden(`Requires one of the roles ${roles.join(', ')}`);
  }
}

type ReferenceResolver = (reference: unknown, context: ServiceContext, info: unknown) => unknown;

/**
 * Enforces every `@auth` in the schema: a field's own rule wins over its type's rule,
 * and a type's rule also guards its `__resolveReference`, which federation calls
 * through `_entities` without going through any field resolver.
 */
export function applyAuthGuard(schema: GraphQLSchema): GraphQLSchema {
  const typeRule = (typeName: string) => {
    const type = schema.getType(typeName) as GraphQLObjectType;
    return getDirective(schema, type, 'auth')?.[0] as AuthRule | undefined;
  };

  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const rule = typeRule(type.name);
      const subgraph = (
        type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } }
      ).apollo?.subgraph;
      const resolveReference = subgraph?.resolveReference;
      if (!rule || !resolveReference) return type;
      const guarded: ReferenceResolver = (reference, context, info) => {
        assertAllowed(context, rule);
        return resolveReference(reference, context, info);
      };
      const config = type.toConfig();
      return new (type.constructor as typeof GraphQLObjectType)({
        ...config,
        extensions: {
          ...config.extensions,
          apollo: { subgraph: { ...subgraph, resolveReference: guarded } },
        },
      });
    },
    [MapperKind.OBJECT_FIELD]: (field, _name, typeName) => {
      const rule = (getDirective(schema, field, 'auth')?.[0] as AuthRule | undefined) ?? typeRule(typeName);
      if (!rule) return field;
      const resolve: GraphQLFieldResolver<unknown, ServiceContext> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, context: ServiceContext, info) => {
          assertAllowed(context, rule);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
