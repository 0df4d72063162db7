import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A PromQL expression and where it comes from, for the failure message. */
export interface Expression {
  source: string;
  expr: string;
}

/** What Grafana puts in place of its built-in variables, for a query run by hand. */
const BUILT_INS: Record<string, string> = { __rate_interval: '1m', __interval: '15s', __range: '1h' };

interface Panel {
  title?: string;
  datasource?: { type?: string };
  targets?: { expr?: string; datasource?: { type?: string } }[];
  panels?: Panel[];
}

interface Dashboard {
  title: string;
  panels: Panel[];
  templating?: { list: { name: string; type: string; query?: string | { query?: string } }[] };
}

/**
 * Every Prometheus query of a dashboard file: its panels' targets (Loki's skipped) and its
 * query variables (`label_values(<selector>, label)` asks for the selector's series).
 * Variables become what "All" selects (`.*`), built-ins a fixed range.
 */
export function dashboardExpressions(file: string): Expression[] {
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as Dashboard;
  const variables = (dashboard.templating?.list ?? []).map((v) => v.name);
  const substitute = (expr: string) =>
    expr.replace(/\$\{?(\w+)\}?/g, (whole, name: string) =>
      name in BUILT_INS ? BUILT_INS[name]! : variables.includes(name) ? '.*' : whole,
    );
  const panels = (list: Panel[]): Panel[] => list.flatMap((p) => [p, ...panels(p.panels ?? [])]);
  const fromPanels = panels(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? [])
      .filter((t) => t.expr && (t.datasource ?? panel.datasource)?.type !== 'loki')
      .map((t) => ({ source: `${dashboard.title} › ${panel.title}`, expr: substitute(t.expr!) })),
  );
  const fromVariables = (dashboard.templating?.list ?? []).flatMap((v) => {
    const query = typeof v.query === 'string' ? v.query : v.query?.query;
    const selector =
      v.type === 'query' && query ? /^label_values\((.+),\s*\w+\)$/.exec(query)?.[1] : undefined;
    return selector
      ? [{ source: `${dashboard.title} › variable ${v.name}`, expr: substitute(selector) }]
      : [];
  });
  return [...fromPanels, ...fromVariables];
}

/** The dashboard files Grafana is provisioned with. */
export const dashboardFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f));

const COMPARISON = /^(==|!=|>=|<=|>|<)/;

/**
 * The expression with `bool` after each comparison outside any brackets, so it returns
 * every series it compares (0 or 1) instead of only those past the threshold: an
 * alert's query has series whenever its data exists, firing or not. Comparisons inside
 * brackets (a filter such as `limit > 0` under a division) are left as they are.
 */
export function withBoolComparisons(expr: string): string {
  let out = '';
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (quote) {
      out += c;
      if (c === '\\') out += expr[++i] ?? '';
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    const op = depth === 0 ? COMPARISON.exec(expr.slice(i))?.[1] : undefined;
    if (!op) {
      out += c;
      continue;
    }
    out += op;
    i += op.length - 1;
    if (!/^\s*bool\b/.test(expr.slice(i + 1))) out += ' bool';
  }
  return out;
}
