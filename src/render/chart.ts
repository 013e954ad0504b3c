import { plot } from 'asciichart';
import type { Style } from './style.js';

/** A line chart of values over dates; null values leave a gap. */
export interface ChartData {
  points: { date: string; value: number | null }[];
  /** Constant lines drawn across the chart and labelled at its right end (thresholds). */
  lines: number[];
  /** Printed above the y axis. */
  title: string;
  /** Marked under the x axis (`↑ today`), when within the dates. */
  today?: string;
  /** Scores seen on a day, drawn as `●` (null, no score shown: `○` on the x axis). */
  observed?: { date: string; value: number | null }[];
}

export interface ChartOptions {
  /** The widest the chart may be, in columns (default 80). */
  width?: number;
}

const LABEL = 6; // ' 100% '
const MAX_ROWS = 12;

/**
 * Draws `data` with asciichart: the values as one line, each of `lines` as a dotted line labelled
 * at the right, the first and last dates under the x axis. More points than fit are sampled evenly
 * (first and last kept); fewer are stretched. A null point leaves its column blank. Returns '' when
 * every value is null.
 */
export function renderChart(data: ChartData, style: Style, options: ChartOptions = {}): string {
  const values = data.points.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';

  const seen = (data.observed ?? []).map((o) => o.value).filter((v): v is number => v !== null);
  const { lo, hi, rows } = scale([...known, ...data.lines, ...seen]);
  const rowOf = (v: number) =>
    rows - (Math.round((v * rows) / (hi - lo)) - Math.round((lo * rows) / (hi - lo)));
  const labels = rightLabels(data.lines, rowOf);
  const columns = Math.max(1, (options.width ?? 80) - LABEL - 1 - 1 - labels.width);
  const { points, dates } = fitColumns(
    values,
    data.points.map((p) => p.date),
    columns,
  );
  const marks = chartMarks(data, dates, points.length - 1, rowOf);
  const cfg = {
    min: lo,
    max: hi,
    height: rows,
    offset: 2,
    format: (x: number) => `${Math.round(x)}%`.padStart(LABEL - 1).padEnd(LABEL),
  };
  const out = [
    style.dim(data.title.padStart(LABEL - 1)),
    ...plotRows(points, fill(points, known[0]), data.lines, cfg, marks, labels, style),
    ...footerLines(data, dates, points.length - 1, marks, style),
  ];
  return `${out.join('\n')}\n`;
}

/** asciichart's settings: the y range, rows, and the labels at the left. */
interface PlotConfig {
  min: number;
  max: number;
  height: number;
  offset: number;
  format: (x: number) => string;
}

/** The labels of the constant lines at the right, by chart row (`90%`, or `75/70%` sharing a row). */
interface RightLabels {
  text: (row: number) => string | undefined;
  /** The widest label, in columns. */
  width: number;
}

function rightLabels(lines: readonly number[], rowOf: (v: number) => number): RightLabels {
  const byRow = new Map<number, number[]>();
  for (const t of [...new Set(lines)].sort((a, b) => b - a)) {
    const r = rowOf(t);
    byRow.set(r, [...(byRow.get(r) ?? []), t]);
  }
  const labelText = (r: number) => ` ${(byRow.get(r) ?? []).join('/')}%`;
  return {
    text: (r) => (byRow.has(r) ? labelText(r) : undefined),
    width: Math.max(0, ...[...byRow.keys()].map((r) => labelText(r).length)),
  };
}

/** What is drawn besides the lines: observed scores (`●` in the plot, `○` on the axis) and today (`┴`). */
interface ChartMarks {
  /** `row,column` → mark. */
  dots: Map<string, string>;
  /** Column → mark on the x axis. */
  axisMarks: Map<number, string>;
  todayAt: number | undefined;
}

function chartMarks(
  data: ChartData,
  dates: readonly string[],
  segments: number,
  rowOf: (v: number) => number,
): ChartMarks {
  // The column of a date: the first that is that day, else the last before it (none outside the
  // chart's dates).
  const columnOf = (date: string): number | undefined => {
    if (date < dates[0] || date > dates[dates.length - 1]) return undefined;
    let x = 0;
    while (x + 1 < segments && dates[x + 1] <= date && dates[x] !== date) x++;
    return x;
  };
  const dots = new Map<string, string>();
  const axisMarks = new Map<number, string>();
  for (const o of data.observed ?? []) {
    const x = columnOf(o.date);
    if (x === undefined) continue;
    if (o.value === null) axisMarks.set(x, '○');
    else dots.set(`${rowOf(o.value)},${x}`, '●');
  }
  const todayAt = data.today === undefined ? undefined : columnOf(data.today);
  if (todayAt !== undefined && !axisMarks.has(todayAt)) axisMarks.set(todayAt, '┴');
  return { dots, axisMarks, todayAt };
}

/**
 * The chart's rows: the y labels and constant lines from one plot, the values (where known) from
 * another, the dots over both, the line labels at the right.
 */
function plotRows(
  points: readonly (number | null)[],
  filled: number[],
  lines: readonly number[],
  cfg: PlotConfig,
  marks: ChartMarks,
  labels: RightLabels,
  style: Style,
): string[] {
  const segments = points.length - 1;
  const valueRows = plot(filled, cfg)
    .split('\n')
    .map((l) => Array.from(l));
  const lineRows = lines.length
    ? plot(
        lines.map((t) => points.map(() => t)),
        { ...cfg, symbols: ['┼', '┤', '╶', '╴', '┈', '╰', '╭', '╮', '╯', '│'] },
      )
        .split('\n')
        .map((l) => Array.from(l))
    : valueRows.map((l) => l.map((ch, i) => (i > LABEL ? ' ' : ch)));
  return lineRows.map((line, r) => {
    let text = line.slice(0, LABEL + 1).join('');
    for (let x = 0; x < segments; x++) {
      const v = valueRows[r][LABEL + 1 + x];
      const dot = marks.dots.get(`${r},${x}`);
      if (dot) text += style.warn(dot);
      else if (points[x] !== null && v !== ' ') text += style.accent(v);
      else {
        const ch = line[LABEL + 1 + x];
        text += ch === ' ' ? ch : style.dim(ch);
      }
    }
    const label = labels.text(r);
    if (label !== undefined) text += style.dim(label);
    return text.trimEnd();
  });
}

/** The x axis with its marks, the first and last dates, today, and the key to the marks. */
function footerLines(
  data: ChartData,
  dates: readonly string[],
  segments: number,
  marks: ChartMarks,
  style: Style,
): string[] {
  const { axisMarks, todayAt } = marks;
  const axis = Array.from({ length: segments }, (_, x) => axisMarks.get(x) ?? '─').join('');
  const out = [
    `${' '.repeat(LABEL)}└${axis}`,
    ' '.repeat(LABEL + 1) + dateAxis(dates[0], dates[dates.length - 1], segments),
  ];
  if (todayAt !== undefined) {
    const at = LABEL + 1 + todayAt;
    const label = `today ${data.today}`;
    out.push(
      at + 2 + label.length <= LABEL + 1 + segments
        ? `${' '.repeat(at)}↑ ${label}`
        : `${' '.repeat(Math.max(0, at - label.length - 1))}${label} ↑`,
    );
  }
  if (marks.dots.size > 0 || [...axisMarks.values()].includes('○'))
    out.push(style.dim(`${' '.repeat(LABEL + 1)}● the JSS you saw   ○ no score shown`));
  return out;
}

/** The y range in whole tens around `values`, and as many rows as a round step gives (≤ 12). */
function scale(values: number[]): { lo: number; hi: number; rows: number } {
  let lo = Math.floor(Math.min(...values) / 10) * 10;
  let hi = Math.ceil(Math.max(...values) / 10) * 10;
  if (hi === lo) {
    if (hi < 100) hi += 10;
    else lo -= 10;
  }
  const step = [1, 2, 5, 10, 20].find((s) => (hi - lo) / s <= MAX_ROWS) ?? 20;
  return { lo, hi, rows: Math.round((hi - lo) / step) };
}

/**
 * At most `columns` segments: sampled evenly when there are more, each stretched when far fewer.
 * `dates` is the date of each point.
 */
function fitColumns(
  values: (number | null)[],
  dates: string[],
  columns: number,
): { points: (number | null)[]; dates: string[] } {
  if (values.length === 1) return { points: [values[0], values[0]], dates: [dates[0], dates[0]] };
  const n = values.length - 1;
  if (n > columns) {
    const index = Array.from({ length: columns + 1 }, (_, i) => Math.round((i * n) / columns));
    return { points: index.map((i) => values[i]), dates: index.map((i) => dates[i]) };
  }
  const factor = Math.floor(columns / n);
  const points = values.slice(0, -1).flatMap((v) => Array<number | null>(factor).fill(v));
  const stretched = dates.slice(0, -1).flatMap((d) => Array<string>(factor).fill(d));
  return { points: [...points, values[n]], dates: [...stretched, dates[n]] };
}

/**
 * Nulls replaced by the nearest earlier value (or the first known one, else `fallback` when
 * sampling kept no known value), for asciichart; the chart shows no value where a point is null.
 */
function fill(points: (number | null)[], fallback: number): number[] {
  let last = points.find((p) => p !== null) ?? fallback;
  return points.map((p) => {
    if (p !== null) last = p;
    return last;
  });
}

function dateAxis(first: string, last: string, width: number): string {
  if (first === last) return first;
  const gap = width - first.length - last.length;
  return gap >= 1 ? first + ' '.repeat(gap) + last : `${first} … ${last}`;
}
