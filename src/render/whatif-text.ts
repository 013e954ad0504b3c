import type { WhatifReport } from '../core/whatif.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, formatTable, num, percent, signed, wrapText } from './table.js';

/** Human output of `jss whatif`: per rule set, the baseline and each alternative on the day scored. */
export function renderWhatif(reports: readonly WhatifReport[], style: Style, width = DEFAULT_WIDTH): string {
  return `${reports.map((r) => renderOne(r, style, width)).join('\n\n')}\n`;
}

function renderOne(report: WhatifReport, style: Style, width: number): string {
  const when =
    report.at === report.asOf ? `on ${report.at}` : `on ${report.at} (history as of ${report.asOf})`;
  const heading = style.bold(wrapText(`What-if ${when} · ${report.rules.name} rules`, width));
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
  const table = formatTable(rows, ['left', 'right', 'right', 'left', 'right'], '  ', {
    width,
    drop: [4, 3],
    shrink: [{ column: 0, min: 12 }],
  });
  return `${heading}\n${table}`;
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
