import { consensus } from '../core/consensus.js';
import type { EstimateReport } from '../core/estimate.js';
import type { RuleSet } from '../core/types.js';
import { describeDay } from './day-text.js';
import { renderConsensus, renderPending } from './scenarios-text.js';
import type { Style } from './style.js';
import { cut, DEFAULT_WIDTH, formatTable, num, percent, wrapText } from './table.js';

export interface EstimateView {
  report: EstimateReport;
  ruleSet: RuleSet;
  /** The history file as the user named it, for the `jss infer` suggestion. */
  file?: string;
}

/** Why no JSS is shown, in words. */
export function notShownReason(view: EstimateView): string {
  const { ruleSet, report } = view;
  const w = report.windows.find((x) => x.name === ruleSet.shownWhen.window);
  const { minOutcomes, minClients } = ruleSet.eligibility;
  const need = `at least ${minOutcomes} counted outcome${minOutcomes === 1 ? '' : 's'} from ${minClients} client${minClients === 1 ? '' : 's'}`;
  if (w && !w.eligible) {
    return `the ${w.name} window holds ${w.outcomes ?? 0} counted outcome${w.outcomes === 1 ? '' : 's'} from ${w.clients ?? 0} client${w.clients === 1 ? '' : 's'}; Upwork shows a score only with ${need}`;
  }
  return 'no displayed window is eligible';
}

export function headline(view: EstimateView, style: Style, width = DEFAULT_WIDTH): string {
  const { report } = view;
  const { jss } = report;
  if (!report.shown || jss === null)
    return wrapText(`${style.bold('Projected JSS: not shown')} — ${notShownReason(view)}`, width, '  ');
  const colour = jss >= 90 ? style.good : jss >= 75 ? style.warn : style.bad;
  const n = report.incomplete.length;
  const provisional =
    n > 0 ? `, ${style.warn(`provisional (${n} contract${n === 1 ? '' : 's'} without feedback)`)}` : '';
  return wrapText(
    `${style.bold(`Projected JSS: ${colour(percent(report.jss))}`)}${provisional}  (${report.window} window, ${num(report.score, 2)} exactly · ${report.rules.name} rules · as of ${report.asOf})`,
    width,
    '  ',
  );
}

/** `Next change: 2027-02-21, 95% → 80%: C9 turns idle — a payment before then avoids it` (DESIGN §5). */
export function nextLine(report: EstimateReport, width = DEFAULT_WIDTH): string {
  const next = report.next;
  if (!next) return wrapText('Next change: none within 24 months, the history held as it is', width, '  ');
  const events = next.events;
  // Turning idle is what a payment prevents; say so when it brings the JSS down.
  const falls = next.to === null || (next.from !== null && next.to < next.from);
  const idle = falls && next.events.some((e) => e.what === 'turns-idle');
  const why = events.length > 0 ? `: ${describeDay(events)}` : '';
  return wrapText(
    `Next change: ${next.date}, ${percent(next.from)} → ${percent(next.to)}${why}${idle ? ' — a payment before then avoids it' : ''}`,
    width,
    '  ',
  );
}

export function renderWindows(
  report: EstimateReport,
  ruleSet: RuleSet,
  style: Style,
  width = DEFAULT_WIDTH,
): string {
  const rows = [
    [
      'window',
      'from',
      'score',
      'success',
      'neutral',
      'negative',
      'total',
      'outcomes',
      'clients',
      'eligible',
    ].map(style.dim),
    ...report.windows.map((w, i) => {
      const def = ruleSet.windows[i];
      const name =
        'average' in def
          ? `${w.name} (${def.average.join('+')})`
          : def.display === false
            ? `${w.name} (hidden)`
            : w.name;
      return [
        w.name === report.window ? style.bold(name) : name,
        w.from ?? '—',
        num(w.score, 2),
        num(w.success),
        num(w.neutral),
        num(w.negative),
        num(w.total),
        w.outcomes === null ? '—' : String(w.outcomes),
        w.clients === null ? '—' : String(w.clients),
        w.eligible ? 'yes' : style.dim('no'),
      ];
    }),
  ];
  return formatTable(
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    '',
    // the per-outcome sums go first, then where the window starts; the score and eligibility stay
    { width, drop: [4, 3, 5, 6, 1, 8, 7], shrink: [{ column: 0, min: 8 }] },
  );
}

function outcomeStyle(outcome: string, style: Style): (t: string) => string {
  if (outcome === 'success') return style.good;
  if (outcome === 'negative') return style.bad;
  if (outcome === 'neutral') return style.warn;
  return style.dim;
}

export function renderContracts(report: EstimateReport, style: Style, width = DEFAULT_WIDTH): string {
  const rows = [
    ['contract', 'client', 'status', 'outcome', 'rule', 'weight', 'counted from', 'windows'].map(style.dim),
    ...report.contracts.map((c) => [
      c.id,
      c.client,
      c.status,
      outcomeStyle(c.outcome, style)(c.outcome),
      c.rule,
      num(c.weight),
      c.countedFrom ?? '—',
      c.windows.length ? c.windows.join(' ') : c.countedFrom ? style.dim('(aged out)') : '',
    ]),
  ];
  return formatTable(rows, ['left', 'left', 'left', 'left', 'left', 'right', 'left', 'left'], '', {
    width,
    drop: [7, 2, 6, 5, 1],
    shrink: [
      { column: 4, min: 10 },
      { column: 1, min: 8 },
      { column: 0, min: 8 },
    ],
  });
}

/**
 * "Against what you saw": each observation beside the model's JSS that day, a mark where they
 * differ, and (when any does) where to look next. Empty when there are no observations.
 */
export function renderAgainstObserved(
  observed: readonly { date: string; jss: number | null; model: number | null }[],
  models: readonly { label: string; model: (i: number) => number | null }[],
  file: string,
  style: Style,
  width: number,
): string[] {
  if (observed.length === 0) return [];
  let differ = 0;
  const rows = [
    ['date', 'you saw', ...models.map((m) => m.label)].map(style.dim),
    ...observed.map((o, i) => {
      const values = models.map((m) => m.model(i));
      const same = values.every((v) => v === o.jss);
      if (!same) differ++;
      return [
        o.date,
        percent(o.jss),
        ...values.map((v) => (v === o.jss ? percent(v) : style.bad(percent(v)))),
        same ? '' : style.bad('≠'),
      ];
    }),
  ];
  const lines = [
    style.bold('Against what you saw'),
    formatTable(rows, ['left', 'right', ...models.map(() => 'right' as const)], '  '),
  ];
  if (differ > 0) {
    const days = `${differ} of ${observed.length} day${observed.length === 1 ? '' : 's'}`;
    lines.push(
      wrapText(
        `The model differs from what you saw on ${days}: \`jss infer ${quoted(file)}\` shows which hidden ratings would explain it.`,
        width,
      ),
    );
  } else {
    lines.push(
      `The model matches what you saw on ${observed.length === 1 ? 'that day' : `all ${observed.length} days`}.`,
    );
  }
  return lines;
}

function quoted(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

/** Human output of `jss estimate` for one rule set. Warnings are not here: they go to stderr. */
export function renderEstimate(view: EstimateView, style: Style, width = DEFAULT_WIDTH): string {
  const { report, ruleSet } = view;
  const parts = [headline(view, style, width), nextLine(report, width)];
  if (report.badges.length) {
    parts.push(
      report.badges
        .map((b) => `${b.name} (${b.min}%+): ${b.met ? style.good('met') : style.dim('not met')}`)
        .join('   '),
    );
  }
  const against = renderAgainstObserved(
    report.observed,
    [{ label: 'model', model: (i) => report.observed[i].model }],
    view.file ?? 'FILE',
    style,
    width,
  );
  if (against.length) parts.push('', ...against);
  parts.push('', style.bold('Windows'), renderWindows(report, ruleSet, style, width));
  if (report.contracts.length) parts.push('', style.bold('Contracts'), renderContracts(report, style, width));
  if (report.pending.length)
    parts.push(
      '',
      style.bold(cut('Open contracts: what each choice would do', width)),
      renderPending(report.pending, style, width),
    );
  return `${parts.join('\n')}\n`;
}

/** Several rule sets side by side: one column each. */
export function renderEstimateComparison(views: EstimateView[], style: Style, width = DEFAULT_WIDTH): string {
  const each = views.map((_, i) => ({ column: i + 1, min: 6 }));
  const parts = [
    formatTable(comparisonRows(views, style), ['left', ...views.map(() => 'right' as const)], '', {
      width,
      shrink: [...each, { column: 0, min: 10 }],
    }),
  ];
  const contractRows = [
    ['contract', ...views.map((v) => v.report.rules.name)].map(style.dim),
    ...views[0].report.contracts.map((c, i) => [
      c.id,
      ...views.map((v) => {
        const r = v.report.contracts[i];
        return `${outcomeStyle(r.outcome, style)(r.outcome)} (${r.rule})`;
      }),
    ]),
  ];
  if (contractRows.length > 1)
    parts.push(
      '',
      style.bold('Contract outcomes'),
      formatTable(contractRows, [], '', { width, shrink: [...each, { column: 0, min: 8 }] }),
    );
  const against = renderAgainstObserved(
    views[0].report.observed,
    views.map((v) => ({ label: v.report.rules.name, model: (i: number) => v.report.observed[i].model })),
    views[0].file ?? 'FILE',
    style,
    width,
  );
  if (against.length) parts.push('', ...against);
  for (const v of views) {
    if (!v.report.shown)
      parts.push('', wrapText(`${v.report.rules.name}: not shown — ${notShownReason(v)}`, width, '  '));
  }
  for (const v of views) {
    if (v.report.pending.length) {
      parts.push(
        '',
        style.bold(`Open contracts under ${v.report.rules.name}`),
        renderPending(v.report.pending, style, width),
      );
    }
  }
  const reports = views.map((v) => v.report);
  const agreed = consensus(reports);
  if (agreed.length)
    parts.push('', style.bold('Do the rule sets agree?'), renderConsensus(agreed, reports, style, width));
  return `${parts.join('\n')}\n`;
}

/** The JSS, its window, next change, badges and window scores: a row each, a column per rule set. */
function comparisonRows(views: readonly EstimateView[], style: Style): string[][] {
  const header = ['', ...views.map((v) => style.bold(v.report.rules.name))];
  const rows: string[][] = [header];
  rows.push(['Projected JSS', ...views.map((v) => percent(v.report.jss))]);
  rows.push(['from window', ...views.map((v) => v.report.window ?? '—')]);
  rows.push([
    'next change',
    ...views.map((v) => (v.report.next ? `${v.report.next.date} → ${percent(v.report.next.to)}` : 'none')),
  ]);
  if (views.some((v) => v.report.incomplete.length > 0))
    rows.push(['without feedback', ...views.map((v) => String(v.report.incomplete.length))]);
  const badgeNames = [...new Set(views.flatMap((v) => v.report.badges.map((b) => b.name)))];
  for (const name of badgeNames) {
    rows.push([
      name,
      ...views.map((v) => {
        const b = v.report.badges.find((x) => x.name === name);
        return b ? (b.met ? 'met' : 'not met') : '—';
      }),
    ]);
  }
  const windowNames = [...new Set(views.flatMap((v) => v.report.windows.map((w) => w.name)))];
  for (const name of windowNames) {
    rows.push([
      `${name} score`,
      ...views.map((v) => {
        const w = v.report.windows.find((x) => x.name === name);
        return w ? `${num(w.score, 2)}${w.eligible ? '' : ' (not eligible)'}` : '—';
      }),
    ]);
  }
  return rows;
}
