import { badInput } from '@rewardgraph/service-kit';
import {
  ACTIVITY,
  ACTIVITY_NAME,
  activityMetric,
  MAX_DEPTH,
  MAX_RULES,
  type Condition,
  type Operator,
} from './condition';
import { Comparison, Metric, type ConditionInput, type RuleInput } from './condition.input';

const OPERATOR: Record<Comparison, Operator> = {
  [Comparison.GTE]: 'gte',
  [Comparison.GT]: 'gt',
  [Comparison.LTE]: 'lte',
  [Comparison.LT]: 'lt',
  [Comparison.EQ]: 'eq',
};
const COMPARISON = Object.fromEntries(
  Object.entries(OPERATOR).map(([comparison, operator]) => [operator, comparison]),
) as Record<Operator, Comparison>;

/** A stored rule's metric and operator in the typed words a client wrote them with. */
export function typedRule(metric: string, operator: Operator) {
  const activity = metric.startsWith(ACTIVITY) ? metric.slice(ACTIVITY.length) : null;
  return {
    metric: activity === null ? Metric.LOGIN_DAYS : Metric.ACTIVITY,
    activity,
    comparison: COMPARISON[operator],
  };
}

/**
 * A typed condition checked and turned into the rule the service stores (its JSON form
 * comes from `conditionToJson`). The schema already fixes each field's type; what it
 * cannot say — exactly one of all/any/rule (federation has no `@oneOf`), non-empty lists,
 * `activity` iff ACTIVITY, a value ≥ 0, the depth and rule limits — is BAD_USER_INPUT
 * naming the path, e.g. `condition.all[1].rule.activity`. Absent or null: no condition.
 */
export function conditionFromInput(
  input: ConditionInput | null | undefined,
  field = 'condition',
): Condition | null {
  if (input === null || input === undefined) return null;
  let rules = 0;
  const convert = (node: ConditionInput, path: string, depth: number): Condition => {
    if (++rules > MAX_RULES) throw badInput(`${field} has more than ${MAX_RULES} rules`, field);
    if (depth > MAX_DEPTH) throw badInput(`${path} nests deeper than ${MAX_DEPTH} levels`, field);
    const set = (['all', 'any', 'rule'] as const).filter(
      (key) => node[key] !== null && node[key] !== undefined,
    );
    if (set.length !== 1) throw badInput(`${path} needs exactly one of all, any or rule`, field);
    const [key] = set;
    if (key === 'rule') return ruleFrom(node.rule!, `${path}.rule`, field);
    const list = node[key]!;
    if (list.length === 0) throw badInput(`${path}.${key} must not be empty`, field);
    const parts = list.map((child, i) => convert(child, `${path}.${key}[${i}]`, depth + 1));
    return key === 'all' ? { all: parts } : { any: parts };
  };
  return convert(input, field, 1);
}

function ruleFrom(rule: RuleInput, path: string, field: string): Condition {
  const activity = rule.activity ?? undefined;
  if (rule.metric === Metric.ACTIVITY && activity === undefined)
    throw badInput(`${path}.activity is required with ACTIVITY`, field);
  if (rule.metric !== Metric.ACTIVITY && activity !== undefined)
    throw badInput(`${path}.activity is only for ACTIVITY`, field);
  if (activity !== undefined && !ACTIVITY_NAME.test(activity)) {
    // The name is not repeated: no error echoes what the caller sent.
    throw badInput(`${path}.activity must be 1–64 lower-case letters, digits, _ . -`, field);
  }
  if (!Number.isInteger(rule.value) || rule.value < 0) throw badInput(`${path}.value must be ≥ 0`, field);
  const metric = rule.metric === Metric.ACTIVITY ? activityMetric(activity!) : 'loginDays';
  return { metric, op: OPERATOR[rule.comparison], target: rule.value };
}
