import { badInput } from '@rewardgraph/service-kit';

/**
 * The condition language (docs/events.md), in its stored and returned JSON form: a rule
 * is a metric comparison or a combination of rules.
 *   { "metric": "loginDays", "gte": 3 }
 *   { "all": [rule, …] }   every rule holds
 *   { "any": [rule, …] }   at least one holds
 * Operators: gte, gt, lte, lt, eq (exactly one per rule) against an integer ≥ 0.
 * Clients write conditions through the typed `ConditionInput` (condition-input.ts).
 */
export type Operator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
export type Condition =
  { all: Condition[] } | { any: Condition[] } | { metric: string; op: Operator; target: number };

export const OPERATORS: Operator[] = ['gte', 'gt', 'lte', 'lt', 'eq'];
/** An activity name, as `recordActivity` records it and `activity:<name>` reads it. */
export const ACTIVITY_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
export const ACTIVITY = 'activity:';
/** The metric a stored rule reads: loginDays or activity:<name>. */
export const activityMetric = (name: string) => `${ACTIVITY}${name}`;
const isMetric = (metric: unknown) =>
  metric === 'loginDays' ||
  (typeof metric === 'string' &&
    metric.startsWith(ACTIVITY) &&
    ACTIVITY_NAME.test(metric.slice(ACTIVITY.length)));
export const MAX_DEPTH = 5;
export const MAX_RULES = 50;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a condition in its JSON form (as stored) into a rule, checking it again: data
 * written before the typed input, or by hand, never reaches a decision malformed. null
 * or {} means "no condition". Every refusal is BAD_USER_INPUT naming the faulty part,
 * e.g. `condition.all[1].metric`.
 */
export function parseCondition(input: unknown, field = 'condition'): Condition | null {
  if (input === null || input === undefined) return null;
  if (isObject(input) && Object.keys(input).length === 0) return null;
  let rules = 0;
  const parse = (node: unknown, path: string, depth: number): Condition => {
    if (++rules > MAX_RULES) throw badInput(`${field} has more than ${MAX_RULES} rules`, field);
    if (depth > MAX_DEPTH) throw badInput(`${path} nests deeper than ${MAX_DEPTH} levels`, field);
    if (!isObject(node)) throw badInput(`${path} must be an object`, field);
    const keys = Object.keys(node);
    for (const combinator of ['all', 'any'] as const) {
      if (!(combinator in node)) continue;
      if (keys.length !== 1) throw badInput(`${path} must hold only "${combinator}"`, field);
      const list = node[combinator];
      if (!Array.isArray(list) || list.length === 0)
        throw badInput(`${path}.${combinator} must be a non-empty list`, field);
      const parsed = list.map((child, i) => parse(child, `${path}.${combinator}[${i}]`, depth + 1));
      return combinator === 'all' ? { all: parsed } : { any: parsed };
    }
    if (!('metric' in node)) throw badInput(`${path} must have "metric", "all" or "any"`, field);
    const metric = node.metric;
    if (!isMetric(metric)) {
      // The metric is not repeated: no error echoes what the caller sent.
      throw badInput(`${path}.metric is unknown: use loginDays or activity:<name>`, field);
    }
    const ops = keys.filter((k) => k !== 'metric');
    if (ops.length !== 1 || !OPERATORS.includes(ops[0] as Operator)) {
      throw badInput(`${path} needs exactly one of ${OPERATORS.join(', ')}`, field);
    }
    const op = ops[0] as Operator;
    const target = node[op];
    if (typeof target !== 'number' || !Number.isInteger(target) || target < 0) {
      throw badInput(`${path}.${op} must be a whole number ≥ 0`, field);
    }
    return { metric: metric as string, op, target };
  };
  return parse(input, field, 1);
}

/** The stored (client-facing) JSON of a condition: the same shape clients send. */
export function conditionToJson(condition: Condition | null): Record<string, unknown> | null {
  if (!condition) return null;
  if ('all' in condition) return { all: condition.all.map(conditionToJson) };
  if ('any' in condition) return { any: condition.any.map(conditionToJson) };
  return { metric: condition.metric, [condition.op]: condition.target };
}

/** Every metric a condition reads, once each. */
export function metricsOf(condition: Condition | null): string[] {
  if (!condition) return [];
  if ('all' in condition) return [...new Set(condition.all.flatMap(metricsOf))];
  if ('any' in condition) return [...new Set(condition.any.flatMap(metricsOf))];
  return [condition.metric];
}
