import type { WhatifReport } from '../core/whatif.js';
import type { Style } from './style.js';
import { formatTable, num, percent, signed } from './table.js';

/** Human output of `jss whatif`: per rule set, the baseline and each alternative on the day scored. */
export function renderWhatif(reports: readonly WhatifReport[], style: Style): string {
  return `${reports.map((r) => renderOne(r, style)).join('\n\n')}\n`;
}

function renderOne(report: WhatifReport, style: Style): string {
  const when =
    report.at === report.asOf ? `on ${report.at}` : `on ${report.at} (history as of ${report.asOf})`;
  const heading = style.bold(`What-if ${when} · ${report.rules.name} rules`);
  const rows: string[][] = [
    ['', 'JSS', 'Δ', 'window', 'score'].map(style.dim),
    ['baseline', percent(report.baseline.jss), '', report.baseline.window ?? '—', num(report.baseline.score)],
    ...report.alternatives.map((a) => [
      a.name,
      percent(a.jss),
      delta(a.delta, style),
      a.window ?? '—',
      num(a.score),
    ]),
  ];
  return `${heading}\n${formatTable(rows, ['left', 'right', 'right', 'left', 'right'], '  ')}`;
}

function delta(value: number | null, style: Style): string {
  const text = signed(value);
  if (value === null || value === 0) return style.dim(text);
  return value > 0 ? style.good(text) : style.bad(text);
}

/** `-q`: one line per alternative (the baseline when there is none), prefixed when ambiguous. */
export function renderWhatifQuiet(reports: readonly WhatifReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const prefix = reports.length > 1 ? `${r.rules.name}: ` : '';
    const items = r.alternatives.length ? r.alternatives : [{ name: 'baseline', jss: r.baseline.jss }];
    for (const a of items) lines.push(`${prefix}${items.length > 1 ? `${a.name}: ` : ''}${percent(a.jss)}`);
  }
  return `${lines.join('\n')}\n`;
}
