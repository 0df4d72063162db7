import {
  Kind,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type SelectionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { badInput } from '../errors/errors';
import { canonicalId } from '../ids/object-id';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The leaf paths of a selection: `range { from to }` gives [range, from] and [range, to]. */
const leafPaths = (selections: readonly SelectionNode[], prefix: string[] = []): string[][] =>
  selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD) return [];
    const path = [...prefix, selection.name.value];
    return selection.selectionSet ? leafPaths(selection.selectionSet.selections, path) : [path];
  });

/** The leaf field paths of each `@key(fields: "…")` of a type, nested keys included. */
function keyFieldSets(type: GraphQLObjectType): string[][][] {
  const nodes = [type.astNode, ...type.extensionASTNodes];
  return nodes
    .flatMap((node) => node?.directives ?? [])
    .filter((directive) => directive.name.value === 'key')
    .map((directive) => {
      const fields = directive.arguments?.find((arg) => arg.name.value === 'fields')?.value;
      if (fields?.kind !== Kind.STRING) return [];
      const [operation] = parse(`{ ${fields.value} }`).definitions;
      return operation.kind === Kind.OPERATION_DEFINITION ? leafPaths(operation.selectionSet.selections) : [];
    });
}

/** A representation's value coerced like an input of the field's type; anything else is BAD_USER_INPUT. */
function coerce(type: GraphQLOutputType, value: unknown, path: string): unknown {
  if (isNonNullType(type)) {
    if (value === null || value === undefined) throw badInput(`${path} is required`, path);
    return coerce(type.ofType, value, path);
  }
  if (value === null || value === undefined) return value;
  if (isListType(type)) {
    if (!Array.isArray(value)) throw badInput(`${path} must be a list`, path);
    return value.map((item) => coerce(type.ofType, item, path));
  }
  if (isObjectType(type)) return coerceObject(type, value, path);
  if (isScalarType(type) && type.name === 'ID') {
    if (typeof value !== 'string') throw badInput(`${path} is not a valid id`, path);
    return canonicalId(value, path);
  }
  if (isScalarType(type) || isEnumType(type)) {
    let parsed: unknown;
    try {
      parsed = type.parseValue(value);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed === null) throw badInput(`${path} is not a valid ${type.name}`, path);
    return parsed;
  }
  if (!isPlainObject(value)) throw badInput(`${path} must be an object`, path);
  return value;
}

function coerceObject(type: GraphQLObjectType, value: unknown, path?: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw badInput(`${path ?? type.name} must be an object`, path);
  const fields = type.getFields();
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => {
      if (name === '__typename') return [name, item];
      const field = fields[name];
      const fieldPath = path ? `${path}.${name}` : name;
      if (!field) throw badInput(`A ${type.name} representation holds a field the type does not have`, path);
      return [name, coerce(field.type, item, fieldPath)];
    }),
  );
}

const keysOf = new WeakMap<GraphQLObjectType, string[][][]>();

/** A representation coerced for its entity type, or BAD_USER_INPUT without echoing any of it. */
function coerceRepresentation(schema: GraphQLSchema, representation: unknown): Record<string, unknown> {
  const typeName = isPlainObject(representation) ? representation.__typename : undefined;
  const type = typeof typeName === 'string' ? schema.getType(typeName) : undefined;
  if (!isObjectType(type)) throw badInput('A representation names no entity type', 'representations');
  if (!keysOf.has(type)) keysOf.set(type, keyFieldSets(type));
  const keys = keysOf.get(type)!;
  if (keys.length === 0) throw badInput('A representation names no entity type', 'representations');
  const coerced = coerceObject(type, representation);
  const present = (path: string[]) =>
    path.reduce<unknown>((value, name) => (isPlainObject(value) ? value[name] : undefined), coerced) !==
    undefined;
  if (!keys.some((key) => key.every(present))) {
    throw badInput(`A ${type.name} representation needs its key fields`, 'representations');
  }
  return coerced;
}

/**
 * Entity representations (`_entities`) are input, and get the treatment arguments get
 * before any resolver sees them: each must name an entity type, each field is coerced
 * by its type in the schema (ids through `canonicalId`), and one `@key` must be
 * complete. An operator object (`id: { "$ne": null }`) or a malformed id is
 * BAD_USER_INPUT for the whole call, never a database filter; every entity type gets
 * this, with or without a `__resolveReference` of its own, and the `@auth` guard on a
 * reference reads the canonical id.
 */
export function applyEntityReferenceKeys(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.QUERY_ROOT_FIELD]: (field, fieldName) => {
      if (fieldName !== '_entities' || !field.resolve) return field;
      const resolve = field.resolve;
      return {
        ...field,
        resolve: (source, args: { representations: unknown[] }, context, info) =>
          resolve(
            source,
            {
              ...args,
              representations: args.representations.map((r) => coerceRepresentation(info.schema, r)),
            },
            context,
            info,
          ),
      };
    },
  });
}
