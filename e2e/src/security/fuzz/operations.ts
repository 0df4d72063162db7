import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** The public API schema, as composed and committed: the fuzzer follows whatever it declares. */
export const loadApiSchema = (): GraphQLSchema =>
  buildSchema(readFileSync(join(__dirname, '..', '..', '..', '..', 'schema', 'api.graphql'), 'utf8'));

export interface Operation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const of = (
    kind: Operation['kind'],
    type = kind === 'query' ? schema.getQueryType() : schema.getMutationType(),
  ) => Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field }));
  return [...of('query'), ...of('mutation')];
}

/** Scalar fields (and one level of objects below) without required arguments: what a client reads back. */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    if (isLeafType(getNamedType(f.type))) return [f.name];
    return depth > 0 ? [`${f.name} ${selectionOf(f.type, depth - 1)}`] : [];
  });
  return `{ __typename ${parts.join(' ')} }`;
}

/** One document per operation, every argument passed as a variable of its declared type. */
export function documentOf({ kind, field }: Operation): string {
  // An argument with a default takes a nullable variable, so leaving it out keeps the default.
  const typeOf = (a: GraphQLArgument) =>
    a.defaultValue !== undefined && isNonNullType(a.type) ? a.type.ofType.toString() : a.type.toString();
  const variables = field.args.map((a) => `$${a.name}: ${typeOf(a)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  // A mutation's answer is read at its own level: a refused field below it (another user's
  // wallet or roles, null up to the root) would make a mutation that ran look refused.
  const selection = selectionOf(field.type, kind === 'mutation' ? 0 : 1);
  return `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
}

/** Where a hostile value goes: an argument, or a field nested in an input object argument. */
export interface ArgumentPath {
  names: string[];
  type: GraphQLInputType;
}

export function argumentPaths(args: readonly GraphQLArgument[], maxDepth = 3): ArgumentPath[] {
  const walk = (names: string[], type: GraphQLInputType, depth: number): ArgumentPath[] => {
    const inner = isNonNullType(type) ? type.ofType : type;
    const here = { names, type };
    if (isInputObjectType(inner) && depth < maxDepth) {
      return [
        here,
        ...Object.values(inner.getFields()).flatMap((f) => walk([...names, f.name], f.type, depth + 1)),
      ];
    }
    return [here];
  };
  return args.flatMap((a) => walk([a.name], a.type, 0));
}

export const enumValuesOf = (type: GraphQLInputType): string[] | null => {
  const named = getNamedType(type);
  return isEnumType(named) ? named.getValues().map((v) => v.name) : null;
};

export const isListInput = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);
export const isObjectInput = (type: GraphQLInputType) =>
  isInputObjectType(isNonNullType(type) ? type.ofType : type);
