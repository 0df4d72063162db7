import {
  Kind,
  parse,
  valueFromASTUntyped,
  type DirectiveNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { type Role } from '@rewardgraph/service-kit';

/** `requires: []` means any signed-in user; a field with no rule is public. */
export interface RootFieldRule {
  requires: Role[];
}

export type RootFieldRules = Map<string, RootFieldRule | null>;

const ROOT_TYPES: Record<string, string> = {
  query: 'Query',
  mutation: 'Mutation',
  subscription: 'Subscription',
};

function ruleOf(directives: readonly DirectiveNode[] | undefined): RootFieldRule | null {
  const auth = directives?.find((d) => d.name.value === 'auth');
  if (!auth) return null;
  const requires = auth.arguments?.find((a) => a.name.value === 'requires');
  return { requires: requires ? (valueFromASTUntyped(requires.value) as Role[]) : [] };
}

/** Reads each root field's `@auth` rule out of the supergraph, keyed "Query.events". */
export function readRootFieldRules(supergraphSdl: string): RootFieldRules {
  const rules: RootFieldRules = new Map();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    if (!Object.values(ROOT_TYPES).includes(definition.name.value)) continue;
    for (const field of definition.fields ?? []) {
      rules.set(`${definition.name.value}.${field.name.value}`, ruleOf(field.directives));
    }
  }
  return rules;
}

/** Names of the root fields an operation selects, through fragments too. */
export function selectedRootFields(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): string[] {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        visit(fragments[selection.name.value].selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  const rootType = ROOT_TYPES[operation.operation];
  return [...names].filter((name) => !name.startsWith('__')).map((name) => `${rootType}.${name}`);
}
