// The bench's tables, as aligned text for the terminal and as Markdown for docs: the
// same cells either way. Also the targets the issue judges the figures by.
import { SLOW_BY_DESIGN } from './rows.mjs';

const number = (value, digits = 0) =>
  value === undefined || Number.isNaN(value)
    ? '—'
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (value) => (value === undefined ? '—' : `${number(value, value < 10 ? 1 : 0)}`);
const percent = (value) =>
  value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(1)}%`;
/** The middle value of an odd-length list sorted ascending. */
const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
const ratio = (value) => (value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`);

export const HEADER = [
  'scenario',
  'via',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors',
  '1 client p50 ms',
  'raw node:http req/s',
  '% of raw',
  'p50 ÷ direct',
];

/** The cells every row shares: what was measured at `--connections`, and with one client. */
const measuredCells = (title, via, measured, single) => [
  title,
  via,
  number(measured.rps),
  ms(measured.p50),
  ms(measured.p99),
  number(measured.errors),
  ms(single?.p50),
];

/** The cells of one volume's results: a gateway row per scenario, plus its direct and hop rows. */
export function cellsOf(results) {
  return results.flatMap((r) => {
    if (r.failed) return [[r.title, 'gateway', 'failed', ...Array(HEADER.length - 3).fill('—')]];
    const gateway = [
      ...measuredCells(r.title, 'gateway', r.gateway, r.single),
      number(r.raw?.rps),
      percent(r.raw && r.gateway.rps / r.raw.rps),
      ratio(r.overDirect && median(r.overDirect)),
    ];
    if (!r.direct) return [gateway];
    const direct = [...measuredCells(r.title, 'events subgraph', r.direct, r.directSingle), '—', '—', '—'];
    if (!r.hop) return [gateway, direct];
    const hop = [...measuredCells(r.title, 'bare HTTP hop', r.hop), '—', '—', ratio(median(r.hopOverDirect))];
    return [gateway, direct, hop];
  });
}

/** Realistic against small, per scenario: the throughput the other players' data costs. */
export function comparisonCells(realistic, small) {
  return realistic.map((r) => {
    const [rps, smallRps] = [r.gateway?.rps, small.find((x) => x.title === r.title)?.gateway?.rps];
    return [r.title, number(rps), number(smallRps), ratio(rps && smallRps / rps)];
  });
}
export const COMPARISON_HEADER = ['scenario', 'realistic req/s', 'small req/s', 'small ÷ realistic'];

/** The targets, each with whether this run met it (the volume-free ones on whichever volume ran first). */
export function targets(allRealistic, allSmall, connections) {
  // A failed row has no figures: it meets no target, and the table says it failed.
  const [realistic, small] = [allRealistic, allSmall].map((rows) => rows?.filter((r) => !r.failed));
  const row = (title) => (realistic ?? small)?.find((r) => r.title === title);
  const lines = [];
  const list = row('event list');
  if (list?.raw) {
    const share = list.gateway.rps / list.raw.rps;
    lines.push([
      `event list through the gateway ≥ 10% of raw node:http at ${connections} connections, p99 < 50 ms`,
      share >= 0.1 && list.gateway.p99 < 50,
      `${(share * 100).toFixed(1)}%, p99 ${ms(list.gateway.p99)} ms`,
    ]);
  }
  for (const r of (realistic ?? small ?? []).filter((x) => x.overDirect && !x.wholeAtGateway)) {
    const over = median(r.overDirect);
    lines.push([
      `${r.title} (passed on to the subgraph): gateway p50 ≤ 1.3× the events subgraph's`,
      over <= 1.3,
      `${ratio(over)} (median of ${r.overDirect.length} pairs: ${r.overDirect.map(ratio).join(', ')})` +
        (r.hopOverDirect ? `; a bare HTTP hop ${ratio(median(r.hopOverDirect))}` : ''),
    ]);
  }
  const slow = (realistic ?? []).filter(
    // No answer at all within the measurement is not under 20 ms either.
    (r) => !SLOW_BY_DESIGN.has(r.title) && !(r.single?.p50 < 20),
  );
  if (realistic) {
    lines.push([
      'one client, realistic volume: median < 20 ms (login and storm aside)',
      slow.length === 0,
      slow.length ? slow.map((r) => `${r.title} ${ms(r.single?.p50)} ms`).join(', ') : 'all',
    ]);
  }
  if (realistic && small) {
    const far = realistic.filter((r) => {
      const s = small.find((x) => x.title === r.title);
      return s && s.gateway.rps / r.gateway.rps > 1.5;
    });
    lines.push([
      'throughput on the realistic volume within 1.5× of the small one (same answers, 1/50 of the data)',
      far.length === 0,
      far.length ? far.map((r) => r.title).join(', ') : 'all',
    ]);
  }
  return lines.map(([what, met, figure]) => [what, met ? 'met' : 'NOT met', figure]);
}
export const TARGETS_HEADER = ['target', 'this run', 'figure'];

/** Columns padded to their widest cell. */
export function text(header, rows) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const markdown = (header, rows) =>
  [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
