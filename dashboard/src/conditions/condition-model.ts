import {
  Comparison,
  Metric,
  type ConditionInput,
  type JsonObject,
  type JsonValue,
} from '@rewardgraph/api-client';

/**
 * The condition editor's model: a tree of rules and groups, each with an id the editor
 * keys on, read from the stored JSON the API returns and written as the typed
 * `ConditionInput` the mutations take. `null` is "no condition".
 */
export type Combinator = 'all' | 'any';

export interface RuleNode {
  kind: 'rule';
  id: string;
  metric: Metric;
  /** The activity name; read only with ACTIVITY. */
  activity: string;
  comparison: Comparison;
  /** Empty while the operator has cleared the field. */
  value: number | '';
}

export interface GroupNode {
  kind: 'group';
  id: string;
  combinator: Combinator;
  children: ConditionNode[];
}

export type ConditionNode = RuleNode | GroupNode;

/** The API's limits (docs/api.md, Conditions): levels, and nodes counted rules and groups alike. */
export const MAX_DEPTH = 5;
export const MAX_NODES = 50;
/** An activity name as recordActivity records it. */
const ACTIVITY_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const ACTIVITY = 'activity:';

const OPERATOR: Record<Comparison, string> = {
  [Comparison.GTE]: 'gte',
  [Comparison.GT]: 'gt',
  [Comparison.LTE]: 'lte',
  [Comparison.LT]: 'lt',
  [Comparison.EQ]: 'eq',
};
const COMPARISON_OF = new Map(
  Object.entries(OPERATOR).map(([comparison, op]) => [op, comparison as Comparison]),
);

let lastId = 0;
const newId = () => `condition-node-${++lastId}`;

export const newRule = (): RuleNode => ({
  kind: 'rule',
  id: newId(),
  metric: Metric.LOGIN_DAYS,
  activity: '',
  comparison: Comparison.GTE,
  value: 1,
});

export const newGroup = (combinator: Combinator, children: ConditionNode[] = [newRule()]): GroupNode => ({
  kind: 'group',
  id: newId(),
  combinator,
  children,
});

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored condition the editor cannot read (the API only returns what it checked). */
export class UnreadableConditionError extends Error {}

/** The stored rule's operator and target, as the API returns them: `{ gte: 3 }`. */
function readComparison(node: JsonObject): { comparison: Comparison; value: number } {
  for (const [op, comparison] of COMPARISON_OF) {
    const target = node[op];
    if (typeof target === 'number') return { comparison, value: target };
  }
  throw new UnreadableConditionError(`Unreadable rule: ${JSON.stringify(node)}`);
}

function readNode(node: JsonValue): ConditionNode {
  if (!isObject(node)) throw new UnreadableConditionError(`Unreadable condition: ${JSON.stringify(node)}`);
  for (const combinator of ['all', 'any'] as const) {
    const parts = node[combinator];
    if (Array.isArray(parts)) return newGroup(combinator, parts.map(readNode));
  }
  if (typeof node.metric !== 'string') {
    throw new UnreadableConditionError(`Unreadable condition: ${JSON.stringify(node)}`);
  }
  const isActivity = node.metric.startsWith(ACTIVITY);
  return {
    kind: 'rule',
    id: newId(),
    metric: isActivity ? Metric.ACTIVITY : Metric.LOGIN_DAYS,
    activity: isActivity ? node.metric.slice(ACTIVITY.length) : '',
    ...readComparison(node),
  };
}

/** The stored JSON (`Event.condition`, `EventReward.condition`) as an editor tree; null or `{}`: none. */
export function conditionFromStored(stored: JsonValue | null | undefined): ConditionNode | null {
  if (stored === null || stored === undefined) return null;
  if (isObject(stored) && Object.keys(stored).length === 0) return null;
  return readNode(stored);
}

/** The tree as the mutations take it. Call it on a tree without problems (`conditionProblems`). */
export function conditionToInput(node: ConditionNode | null): ConditionInput | null {
  if (!node) return null;
  if (node.kind === 'group') {
    const parts = node.children.map((child) => conditionToInput(child) as ConditionInput);
    return node.combinator === 'all' ? { all: parts } : { any: parts };
  }
  return {
    rule: {
      metric: node.metric,
      ...(node.metric === Metric.ACTIVITY ? { activity: node.activity.trim() } : {}),
      comparison: node.comparison,
      value: node.value === '' ? 0 : node.value,
    },
  };
}

/** Whether two trees say the same thing (ids aside): what an update compares to send only changes. */
export const sameCondition = (a: ConditionNode | null, b: ConditionNode | null): boolean =>
  JSON.stringify(conditionToInput(a)) === JSON.stringify(conditionToInput(b));

export const countNodes = (node: ConditionNode | null): number =>
  !node ? 0 : node.kind === 'rule' ? 1 : 1 + node.children.reduce((sum, child) => sum + countNodes(child), 0);

/** What is wrong with one node, by the field it belongs to (`node` for the node as a whole). */
export interface NodeProblems {
  node?: string;
  activity?: string;
  value?: string;
}

export interface ConditionProblems {
  /** By node id. */
  nodes: Record<string, NodeProblems>;
  /** About the whole tree (its size). */
  tree?: string;
}

/** The editor's own checks, the same the API makes, so the form refuses to send a tree it would refuse. */
export function conditionProblems(root: ConditionNode | null): ConditionProblems {
  const nodes: Record<string, NodeProblems> = {};
  const visit = (node: ConditionNode, depth: number) => {
    const problems: NodeProblems = {};
    if (depth > MAX_DEPTH) problems.node = `Nested deeper than ${MAX_DEPTH} levels: move it up a level`;
    if (node.kind === 'group') {
      if (node.children.length === 0) problems.node = 'Add at least one rule or group, or remove this group';
      node.children.forEach((child) => visit(child, depth + 1));
    } else {
      const activity = node.activity.trim();
      if (node.metric === Metric.ACTIVITY && activity === '') problems.activity = 'Enter the activity name';
      else if (node.metric === Metric.ACTIVITY && !ACTIVITY_NAME.test(activity)) {
        problems.activity = '1–64 lower-case letters, digits, _ . - (starting with a letter or digit)';
      }
      if (node.value === '' || !Number.isInteger(node.value) || node.value < 0) {
        problems.value = 'Enter a whole number ≥ 0';
      }
    }
    if (Object.keys(problems).length > 0) nodes[node.id] = problems;
  };
  if (root) visit(root, 1);
  const count = countNodes(root);
  const tree =
    count > MAX_NODES
      ? `At most ${MAX_NODES} rules and groups in all (now ${count}): remove some`
      : undefined;
  return tree ? { nodes, tree } : { nodes };
}

export const hasConditionProblems = (problems: ConditionProblems): boolean =>
  problems.tree !== undefined || Object.keys(problems.nodes).length > 0;
