import type { JsonObject, JsonValue } from '@rewardgraph/api-client';

const SYMBOL: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };
const ACTIVITY = 'activity:';

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored condition (the JSON the API returns: `{ all }`, `{ any }` or
 * `{ metric, gte: 3 }`) in words an operator reads at a glance, e.g.
 * "login days ≥ 3 and (pvp_win > 0 or quest_clear ≥ 5)". Null: no condition.
 */
export function conditionText(condition: JsonValue | null | undefined): string {
  if (condition === null || condition === undefined) return 'No condition';
  const describe = (node: JsonValue, nested: boolean): string => {
    if (!isObject(node)) return '?';
    for (const [key, joiner] of [
      ['all', ' and '],
      ['any', ' or '],
    ] as const) {
      const parts = node[key];
      if (Array.isArray(parts)) {
        const text = parts.map((part) => describe(part, true)).join(joiner);
        return nested && parts.length > 1 ? `(${text})` : text;
      }
    }
    const metric = String(node.metric ?? '?');
    const name = metric.startsWith(ACTIVITY) ? metric.slice(ACTIVITY.length) : 'login days';
    const op = Object.keys(SYMBOL).find((key) => key in node) ?? '?';
    return `${name} ${SYMBOL[op] ?? op} ${String(node[op])}`;
  };
  return describe(condition, false);
}
