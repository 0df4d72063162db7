import { Comparison, Metric, type JsonValue } from '@rewardgraph/api-client';
import { conditionFromStored, type ConditionNode } from './condition-model';

const SYMBOL: Record<Comparison, string> = {
  [Comparison.GTE]: '≥',
  [Comparison.GT]: '>',
  [Comparison.LTE]: '≤',
  [Comparison.LT]: '<',
  [Comparison.EQ]: '=',
};

function describe(node: ConditionNode, nested: boolean): string {
  if (node.kind === 'group') {
    const text = node.children
      .map((child) => describe(child, true))
      .join(node.combinator === 'all' ? ' and ' : ' or ');
    return nested && node.children.length > 1 ? `(${text})` : text;
  }
  const name = node.metric === Metric.ACTIVITY ? node.activity : 'login days';
  return `${name} ${SYMBOL[node.comparison]} ${node.value}`;
}

/**
 * A stored condition (the JSON the API returns, read by the editor's model) in words an
 * operator reads at a glance, e.g. "login days ≥ 3 and (pvp_win > 0 or quest_clear ≥ 5)".
 */
export function conditionText(condition: JsonValue | null | undefined): string {
  const tree = conditionFromStored(condition);
  return tree ? describe(tree, false) : 'No condition';
}
