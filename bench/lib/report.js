/** The results table: printed, and written as Markdown to bench/results/<date>.md. */
import { cpus, totalmem } from 'node:os';
import { median } from './harness.js';

const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};
const triple = (values, unit) =>
  values && values.length ? `${fmt(Math.min(...values))} / ${fmt(median(values))} / ${fmt(Math.max(...values), unit)}` : '–';

export const COLUMNS = [
  'benchmark',
  'case',
  'subject min/med/max',
  'baseline min/med/max',
  'ratio',
  'p95 subject',
  'p95 baseline',
  'target',
  'met',
];

export function cells(row) {
  return [
    row.bench,
    row.case,
    triple(row.subject, row.unit),
    row.baseline?.length
      ? `${triple(row.baseline, row.unit)}${row.baselineName ? ` (${row.baselineName})` : ''}`
      : (row.baselineName ?? '–'),
    row.ratio === null || row.ratio === undefined ? '–' : `${fmt(row.ratio)}×`,
    row.p95?.length ? `${fmt(median(row.p95))} ms` : '–',
    row.baselineP95?.length ? `${fmt(median(row.baselineP95))} ms` : '–',
    row.target ?? '',
    row.met === true ? 'yes' : row.met === false ? '**no**' : '–',
  ];
}

export function markdownTable(rows) {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${cells(row).join(' | ')} |`);
  return lines.join('\n');
}

export function printTable(rows) {
  const table = [COLUMNS, ...rows.map(cells)].map((r) => r.map((c) => String(c).replace(/\*\*/g, '')));
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const [i, r] of table.entries()) {
    console.log(r.map((c, j) => c.padEnd(widths[j])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}`;
}

export function markdownReport({ rows, notes, scale, runs, started, finished, load }) {
  return [
    `# Benchmark results ${started.toISOString().slice(0, 10)}`,
    '',
    `- data set scale ${scale}, ${runs} interleaved runs per figure (min / median / max), ratio = median subject ÷ median baseline`,
    `- machine: ${machine()}; load average at start ${load}`,
    `- ran ${started.toISOString()} – ${finished.toISOString()}`,
    '',
    markdownTable(rows),
    '',
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}
