import {
  MAX_DEPTH,
  MAX_NODES,
  newGroup,
  newRule,
  type Combinator,
  type ConditionNode,
  type RuleNode,
} from './condition-model';

/** The editor's edits, each returning a new tree (the old one is left as it was). */

/** The top-level choice: no condition, one rule, or a group of all / any. */
export type ConditionShape = 'none' | 'rule' | Combinator;

export const shapeOf = (root: ConditionNode | null): ConditionShape =>
  !root ? 'none' : root.kind === 'rule' ? 'rule' : root.combinator;

const firstRule = (node: ConditionNode): RuleNode | undefined =>
  node.kind === 'rule' ? node : node.children.map(firstRule).find(Boolean);

/** Changing the shape keeps what it can: a rule becomes a group's first rule and back. */
export function changeShape(root: ConditionNode | null, shape: ConditionShape): ConditionNode | null {
  if (shape === 'none') return null;
  if (shape === 'rule') return (root && firstRule(root)) ?? newRule();
  if (root?.kind === 'group') return { ...root, combinator: shape };
  return newGroup(shape, [root ?? newRule()]);
}

function mapNode(
  node: ConditionNode,
  id: string,
  change: (node: ConditionNode) => ConditionNode,
): ConditionNode {
  if (node.id === id) return change(node);
  if (node.kind === 'rule') return node;
  return { ...node, children: node.children.map((child) => mapNode(child, id, change)) };
}

export function updateRule(root: ConditionNode, id: string, changes: Partial<Omit<RuleNode, 'kind' | 'id'>>) {
  return mapNode(root, id, (node) => (node.kind === 'rule' ? { ...node, ...changes } : node));
}

export function setCombinator(root: ConditionNode, id: string, combinator: Combinator) {
  return mapNode(root, id, (node) => (node.kind === 'group' ? { ...node, combinator } : node));
}

export function addChild(root: ConditionNode, groupId: string, kind: 'rule' | 'group') {
  const child = kind === 'rule' ? newRule() : newGroup('all');
  return mapNode(root, groupId, (node) =>
    node.kind === 'group' ? { ...node, children: [...node.children, child] } : node,
  );
}

/** Removes a node below the top (the top goes by choosing "No condition"). */
export function removeNode(root: ConditionNode, id: string): ConditionNode {
  if (root.kind === 'rule') return root;
  return {
    ...root,
    children: root.children.filter((child) => child.id !== id).map((child) => removeNode(child, id)),
  };
}

/**
 * Why a group at `depth` (the top is 1), in a tree of `nodes`, cannot take another rule
 * or group, or null when it can: a new group comes with its first rule, a level below it.
 */
export function cannotAdd(depth: number, kind: 'rule' | 'group', nodes: number): string | null {
  const added = kind === 'rule' ? 1 : 2;
  if (nodes + added > MAX_NODES) return `At most ${MAX_NODES} rules and groups in all`;
  if (depth + added > MAX_DEPTH) return `At most ${MAX_DEPTH} levels`;
  return null;
}
