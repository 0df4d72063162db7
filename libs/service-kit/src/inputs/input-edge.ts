import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  type ConstDirectiveNode,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { canonicalId } from '../ids/object-id';
import { cleanJson, cleanString, type StringRule } from './string-rule';

/** Scalars that carry free-form JSON: every string inside them follows the string rule too. */
const JSON_SCALARS = new Set(['JSON', 'JSONObject']);

/** What the edge does to a value: ids, strings and JSON are checked; other scalars pass as they are. */
const handled = (name: string) => name === 'ID' || name === 'String' || JSON_SCALARS.has(name);

const holdsHandled = (type: GraphQLInputType, seen = new Set<string>()): boolean => {
  if (isNonNullType(type) || isListType(type)) return holdsHandled(type.ofType, seen);
  if (isInputObjectType(type)) {
    if (seen.has(type.name)) return false;
    seen.add(type.name);
    return Object.values(type.getFields()).some((field) => holdsHandled(field.type, seen));
  }
  return handled(type.name);
};

/** The `@verbatim` / `@multiline` markers of an argument or input field. */
const ruleOf = (astNode?: { directives?: readonly ConstDirectiveNode[] } | null): StringRule => {
  const names = new Set(astNode?.directives?.map((directive) => directive.name.value));
  return { verbatim: names.has('verbatim'), multiline: names.has('multiline') };
};

interface Slot {
  type: GraphQLInputType;
  name: string;
  rule: StringRule;
}

/**
 * An optional input object argument (a list's `filter`) sent as an explicit null means
 * the same as leaving it out; resolvers and services then see one shape, never null.
 */
const absentWhenNull = ({ type }: Slot) => isInputObjectType(type);

function clean({ type, name, rule }: Slot, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return clean({ type: type.ofType, name, rule }, value);
  if (isListType(type))
    return (value as unknown[]).map((item) => clean({ type: type.ofType, name, rule }, item));
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => {
        const field = fields[key];
        return [
          key,
          field ? clean({ type: field.type, name: key, rule: ruleOf(field.astNode) }, item) : item,
        ];
      }),
    );
  }
  if (type.name === 'ID') return canonicalId(String(value), name);
  if (type.name === 'String') return cleanString(value as string, name, rule);
  if (JSON_SCALARS.has(type.name)) return cleanJson(value, name);
  return value;
}

/**
 * The edge of a service for input: before any resolver (and its class-validator rules)
 * sees the arguments, every `ID`, nested input fields included, is validated and turned
 * into its canonical form, and every string (in JSON inputs too) follows the one string
 * rule (`cleanString`). A refusal is BAD_USER_INPUT naming the field, so a malformed value
 * never reaches the database. An optional input object given as null is left out.
 */
export function applyInputEdge(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const slots = Object.entries(field.args ?? {}).map(([name, arg]): Slot => ({
        type: arg.type,
        name,
        rule: ruleOf(arg.astNode),
      }));
      if (!slots.some((slot) => holdsHandled(slot.type) || absentWhenNull(slot))) return field;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args: Record<string, unknown>, context, info) => {
          const cleaned = Object.fromEntries(
            Object.entries(args).flatMap(([name, value]) => {
              const slot = slots.find((candidate) => candidate.name === name);
              if (slot && value === null && absentWhenNull(slot)) return [];
              return [[name, slot ? clean(slot, value) : value]];
            }),
          );
          return resolve(source, cleaned, context, info);
        },
      };
    },
  });
}
