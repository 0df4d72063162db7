import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { forbidden, unauthenticated } from '../errors/errors';
import { hasAnyRole } from './identity';
import { isOwnedByCaller } from './owned-by-caller';
import { type Role } from './role';
import { type ServiceContext } from './service-context';

interface AuthRule {
  requires?: Role[];
  /** The field of the object that holds its owner's user id; the owner passes too. */
  owner?: string;
}

const isOwner = (context: ServiceContext, object: unknown, ownerField: string) =>
  isOwnedByCaller(object) ||
  (!!context.identity && (object as Record<string, unknown>)[ownerField] === context.identity.userId);

/**
 * Throws unless the caller meets the rule: signed in, holding one of its roles if it
 * names any, or, for a rule with an owner, owning `object` (the guarded field's parent,
 * or the entity reference being resolved).
 */
export function assertAllowed(context: ServiceContext, rule: AuthRule, object?: unknown): void {
  if (rule.owner && object != null && isOwner(context, object, rule.owner)) return;
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
 * through `_entities` without going through any field resolver. Root fields and entity
 * references therefore apply one and the same rule to every object they return.
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
      // Async, so a refused reference fails its own entry of `_entities`, not the whole list.
      const guarded: ReferenceResolver = async (reference, context, info) => {
        assertAllowed(context, rule, reference);
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
          assertAllowed(context, rule, source);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
