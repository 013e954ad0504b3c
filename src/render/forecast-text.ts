import type { Crossing, ForecastEvent, ForecastReport, SeriesPoint, Step } from '../core/forecast.js';
import type { RuleSet } from '../core/types.js';
import { renderChart } from './chart.js';
import { andList, describeDay } from './day-text.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, formatTable, percent, wrapText } from './table.js';

export interface ForecastView {
  report: ForecastReport;
  ruleSet: RuleSet;
  step: Step;
  /** The evaluation date, then every day the JSS, score or window changes (forecastWithSteps). */
  steps: SeriesPoint[];
  /** The name of the changes file's alternative future, when one was applied. */
  alternative?: string;
}

/** Days listed under "What moves the JSS" before the rest are summed up. */
const MAX_DAYS = 12;

const STEP_WORD: Record<Step, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

/** `reaches 90%`, `falls below 90%`, `score appears`, `score disappears`. */
export function crossingWords(c: Crossing): string {
  if (c.threshold === null) return c.direction === 'up' ? 'score appears' : 'score disappears';
  return c.direction === 'up' ? `reaches ${c.threshold}%` : `falls below ${c.threshold}%`;
}

/**
 * The crossings of each day in a few words: `score appears, reaches 70%, 75% and 80%` or
 * `score disappears, falls below 80%, 75% and 70%`.
 */
export function crossingsByDay(list: readonly Crossing[]): { date: string; up: string[]; down: string[] }[] {
  const days = new Map<string, Crossing[]>();
  for (const c of list) days.set(c.date, [...(days.get(c.date) ?? []), c]);
  return [...days].map(([date, day]) => {
    const phrase = (direction: 'up' | 'down') => {
      const said = day.filter((c) => c.direction === direction && c.threshold === null).map(crossingWords);
      const lines = day
        .flatMap((c) => (c.direction === direction && c.threshold !== null ? [c.threshold] : []))
        .sort((a, b) => (direction === 'up' ? a - b : b - a))
        .map((t) => `${t}%`);
      if (lines.length > 0) said.push(`${direction === 'up' ? 'reaches' : 'falls below'} ${andList(lines)}`);
      return said;
    };
    return { date, up: phrase('up'), down: phrase('down') };
  });
}

/** `-q`: the crossings only, one per line: `2027-03-11 reaches 90%`. */
export function renderForecastQuiet(reports: ForecastReport[]): string {
  const prefix = (r: ForecastReport) => (reports.length > 1 ? `${r.rules.name}: ` : '');
  return reports
    .flatMap((r) => r.crossings.map((c) => `${prefix(r)}${c.date} ${crossingWords(c)}\n`))
    .join('');
}

/** Human output of `jss forecast` for one rule set. */
export function renderForecast(view: ForecastView, style: Style, width = DEFAULT_WIDTH): string {
  const parts = [
    ...headLines(view, style, width),
    ...chartLines(view, style, width),
    ...crossingLines(view, style, width),
    ...moveLines(view, style, width),
  ];
  return `${parts.join('\n')}\n`;
}

/** The JSS now and at the ends of the span, then what the forecast holds fixed. */
function headLines(view: ForecastView, style: Style, width: number): string[] {
  const { report, ruleSet } = view;
  const first = report.series[0];
  const last = report.series[report.series.length - 1];
  // The JSS on the evaluation date: the last change on or before it (with --from the series may step over it).
  const now = [...view.steps].reverse().find((c) => c.date <= report.asOf) ?? first;
  const fromPast = first.date < report.asOf;
  const said = [`${percent(now.jss)} now`];
  if (fromPast) said.unshift(`${percent(first.jss)} on ${first.date}`);
  said.push(`${percent(last.jss)} on ${last.date}`);
  return [
    wrapText(`${style.bold(`JSS forecast: ${said.join(', ')}`)}  (${ruleSet.name} rules)`, width),
    style.dim(
      wrapText(
        fromPast
          ? `${STEP_WORD[view.step]} from ${first.date} to ${last.date}: each day before ${report.asOf} as the history stood then; after it, open contracts stay open, unpaid`
          : `${STEP_WORD[view.step]} from ${report.asOf} to ${last.date}; open contracts stay open, unpaid`,
        width,
      ),
    ),
    ...(view.alternative
      ? [
          style.dim(
            wrapText(
              `with the changes of ${view.alternative}${fromPast ? ` from ${report.asOf} on` : ''}`,
              width,
            ),
          ),
        ]
      : []),
    '',
  ];
}

/** The chart of the series (a sentence when no day has a score), and the scores you saw. */
function chartLines(view: ForecastView, style: Style, width: number): string[] {
  const { report, ruleSet } = view;
  const first = report.series[0];
  const last = report.series[report.series.length - 1];
  const fromPast = first.date < report.asOf;
  const parts: string[] = [];
  const chart = renderChart(
    {
      points: report.series.map((p) => ({ date: p.date, value: p.jss })),
      lines: ruleSet.thresholds,
      title: 'JSS',
      today: fromPast ? report.asOf : undefined,
      observed: report.observed?.map((o) => ({ date: o.date, value: o.jss })),
    },
    style,
    { width },
  );
  parts.push(
    chart
      ? chart.trimEnd()
      : wrapText(`No score is shown on any day from ${first.date} to ${last.date}.`, width),
  );
  if (report.observed?.length) {
    const seen = report.observed.map((o) => {
      const model = [...view.steps].reverse().find((c) => c.date <= o.date)?.jss ?? null;
      return `${o.date} ${percent(o.jss)}${model === o.jss ? '' : style.bad(` (model ${percent(model)})`)}`;
    });
    parts.push(wrapText(`  You saw: ${seen.join(', ')}`, width, '  '));
  }
  return parts;
}

/** The days the JSS crosses a threshold, appears or disappears. */
function crossingLines(view: ForecastView, style: Style, width: number): string[] {
  const { report, ruleSet } = view;
  const parts: string[] = [];
  parts.push('', style.bold('Crossings'));
  if (report.crossings.length === 0) {
    const lines = ruleSet.thresholds.map((t) => `${t}%`).join(', ');
    parts.push(
      wrapText(
        `  none: the JSS crosses no threshold (${lines || 'the rule set has none'}) and does not appear or disappear`,
        width,
        '    ',
      ),
    );
  } else {
    const rows = crossingsByDay(report.crossings).map(({ date, up, down }) => {
      const said = [...up.map(style.good), ...down.map(style.bad)];
      return [date, said.join(', ')];
    });
    parts.push(formatTable(rows, [], '  ', { width, wrapLast: true }));
  }
  return parts;
}

/** The days the JSS moves, and why; the rest counted. */
function moveLines(view: ForecastView, style: Style, width: number): string[] {
  const parts: string[] = [];
  const moves = movesOfTheJss(view);
  if (moves.rows.length > 0) {
    parts.push(
      '',
      style.bold('What moves the JSS'),
      formatTable(moves.rows, [], '  ', { width, wrapLast: true }),
    );
  }
  if (moves.more > 0 || moves.quiet > 0) {
    const said: string[] = [];
    if (moves.more > 0) said.push(`${moves.more} more day${moves.more === 1 ? '' : 's'}`);
    if (moves.quiet > 0) {
      said.push(
        `${moves.quiet} other ${moves.quiet === 1 ? 'event leaves' : 'events leave'} the JSS as it is`,
      );
    }
    parts.push(style.dim(wrapText(`  … ${said.join('; ')} (--json has them all)`, width, '    ')));
  }
  return parts;
}

/**
 * One row per day on which the displayed JSS changes: the day, before → after, and the contracts
 * behind it. Events on other days only change scores behind the JSS; they are counted.
 */
function movesOfTheJss(view: ForecastView): { rows: string[][]; more: number; quiet: number } {
  const byDay = new Map<string, ForecastEvent[]>();
  for (const e of view.report.events) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  const rows: string[][] = [];
  let more = 0;
  const listed = new Set<string>();
  for (let i = 1; i < view.steps.length; i++) {
    const [before, after] = [view.steps[i - 1], view.steps[i]];
    if (before.jss === after.jss) continue;
    listed.add(after.date);
    if (rows.length === MAX_DAYS) {
      more++;
      continue;
    }
    // Before the evaluation date the history itself changes too: money paid, contracts started
    // or ended move scores without a window event.
    const said = describeDay(byDay.get(after.date) ?? []);
    rows.push([
      after.date,
      `${percent(before.jss)} → ${percent(after.jss)}`,
      said || (after.date <= view.report.asOf ? 'a payment, or a contract that started or ended' : ''),
    ]);
  }
  const quiet = view.report.events.filter((e) => !listed.has(e.date)).length;
  return { rows, more, quiet };
}
