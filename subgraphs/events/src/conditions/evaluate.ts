import { type Operator, type Condition } from './condition';

export interface RuleResult {
  metric: string;
  comparison: Operator;
  target: number;
  actual: number;
  met: boolean;
  /** "loginDays 2 of 3" */
  text: string;
}

export interface Evaluation {
  met: boolean;
  /** Human text: what failed (or "all conditions met"). */
  explanation: string;
  rules: RuleResult[];
}

const SYMBOL: Record<Operator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

const compare = (op: Operator, actual: number, target: number) =>
  ({
    gte: actual >= target,
    gt: actual > target,
    lte: actual <= target,
    lt: actual < target,
    eq: actual === target,
  })[op];

function describe(metric: string, op: Operator, actual: number, target: number): string {
  return op === 'gte'
    ? `${metric} ${actual} of ${target}`
    : `${metric} ${actual}, needs ${SYMBOL[op]} ${target}`;
}

/**
 * Evaluates conditions (all must hold) against a user's metric values and explains
 * the outcome rule by rule; the explanation of a failure becomes the rejection reason.
 */
export function evaluate(conditions: (Condition | null)[], metrics: Record<string, number>): Evaluation {
  const rules: RuleResult[] = [];
  const run = (condition: Condition): { met: boolean; failed: string[] } => {
    if ('all' in condition) {
      const parts = condition.all.map(run);
      return { met: parts.every((p) => p.met), failed: parts.flatMap((p) => p.failed) };
    }
    if ('any' in condition) {
      const parts = condition.any.map(run);
      const met = parts.some((p) => p.met);
      return { met, failed: met ? [] : [`one of: ${parts.flatMap((p) => p.failed).join(' or ')}`] };
    }
    const actual = metrics[condition.metric] ?? 0;
    const met = compare(condition.op, actual, condition.target);
    const text = describe(condition.metric, condition.op, actual, condition.target);
    rules.push({
      metric: condition.metric,
      comparison: condition.op,
      target: condition.target,
      actual,
      met,
      text,
    });
    return { met, failed: met ? [] : [text] };
  };
  const outcomes = conditions.filter((c): c is Condition => c !== null).map(run);
  const failed = outcomes.flatMap((o) => o.failed);
  const met = outcomes.every((o) => o.met);
  return { met, explanation: met ? 'all conditions met' : `condition not met: ${failed.join('; ')}`, rules };
}
