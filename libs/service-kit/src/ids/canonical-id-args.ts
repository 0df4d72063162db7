import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { canonicalId } from './object-id';

const holdsId = (type: GraphQLInputType, seen = new Set<string>()): boolean => {
  if (isNonNullType(type) || isListType(type)) return holdsId(type.ofType, seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((field) => holdsId(field.type, seen));
  }
  return type.name === 'ID';
};

function canonical(type: GraphQLInputType, value: unknown, field: string): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return canonical(type.ofType, value, field);
  if (isListType(type)) return (value as unknown[]).map((item) => canonical(type.ofType, item, field));
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([name, item]) => [
        name,
        fields[name] ? canonical(fields[name].type, item, name) : item,
      ]),
    );
  }
  return type.name === 'ID' ? canonicalId(String(value), field) : value;
}

const canonicalArgs = (definitions: readonly GraphQLArgument[], args: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(args).map(([name, value]) => {
      const definition = definitions.find((arg) => arg.name === name);
      return [name, definition ? canonical(definition.type, value, name) : value];
    }),
  );

/**
 * The edge of a service for ids: every `ID` argument, nested input fields included, is
 * validated and turned into its canonical form before any resolver sees it.
 */
export function applyCanonicalIds(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const definitions = Object.entries(field.args ?? {}).map(([name, arg]) => ({ ...arg, name }));
      if (!definitions.some((arg) => holdsId(arg.type))) return field;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, context, info) =>
          resolve(source, canonicalArgs(definitions as GraphQLArgument[], args), context, info),
      };
    },
  });
}
