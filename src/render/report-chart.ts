import { fromCivil, toCivil, toDay, toIso } from '../core/dates.js';
import { coord, text } from './html.js';

/**
 * The report's timeline as an inline SVG: the shown JSS as a step line, each window's score as a
 * faint line, the rule set's thresholds, today, observed scores with the model's value beside, and
 * one tick per day with events on the time axis (its contracts in a native SVG tooltip, so hover
 * works without script). Colours come from the page's CSS classes (light and dark, print).
 */

export interface StepPoint {
  date: string;
  /** null: nothing to draw from this date (no score). */
  value: number | null;
}

export interface ChartLine {
  name: string;
  points: StepPoint[];
}

export interface ChartEventDay {
  date: string;
  /** One line per event, already in words ("36288140 (Fjord Design) turns idle"). */
  lines: string[];
}

export interface ChartObservation {
  date: string;
  jss: number | null;
  model: number | null;
}

export interface TimelineChart {
  from: string;
  until: string;
  today: string;
  jss: StepPoint[];
  windows: ChartLine[];
  thresholds: number[];
  events: ChartEventDay[];
  observed: ChartObservation[];
  /** One sentence for screen readers (the `<desc>`). */
  description: string;
}

const WIDTH = 960;
const HEIGHT = 380;
const LEFT = 44;
const RIGHT = 64;
const TOP = 14;
const BOTTOM = 58;
const PLOT_BOTTOM = HEIGHT - BOTTOM;
/** Dash patterns tell the window lines apart without colour. */
const DASHES = ['6 3', '2 3', '10 3 2 3', '1 5', '12 4', '4 2 1 2'];

/** Where a date and a score fall on the chart. */
interface Scale {
  /** The first and last day drawn (the last after the first). */
  from: number;
  until: number;
  /** The lowest score on the y axis (a multiple of 10, 0..60). */
  yMin: number;
  x: (iso: string) => number;
  y: (v: number) => number;
}

export function renderTimelineSvg(chart: TimelineChart): string {
  const s = chartScale(chart);
  return [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="timeline-title">The JSS over time, ${text(chart.from)} to ${text(chart.until)}</title>`,
    `<desc id="timeline-desc">${text(chart.description)}</desc>`,
    ...gridAndThresholds(chart, s),
    ...timeAxis(s),
    ...scoreLines(chart, s),
    ...observedMarks(chart, s),
    ...eventMarks(chart, s),
    '</svg>',
  ].join('');
}

/** The scale follows the JSS, the observations and the thresholds; a window line below it is clipped. */
function chartScale(chart: TimelineChart): Scale {
  const from = toDay(chart.from);
  const until = Math.max(toDay(chart.until), from + 1);
  const values = [
    ...chart.jss.map((p) => p.value),
    ...chart.observed.flatMap((o) => [o.jss, o.model]),
    ...chart.thresholds,
  ].filter((v): v is number => v !== null);
  const low = Math.min(...values, 100);
  const yMin = Math.max(0, Math.min(60, Math.floor((low - 5) / 10) * 10));
  return {
    from,
    until,
    yMin,
    x: (iso: string) => LEFT + ((toDay(iso) - from) / (until - from)) * (WIDTH - LEFT - RIGHT),
    y: (v: number) => TOP + ((100 - v) / (100 - yMin)) * (PLOT_BOTTOM - TOP),
  };
}

/** Horizontal grid: every 10 points, thresholds stronger and labelled. */
function gridAndThresholds(chart: TimelineChart, s: Scale): string[] {
  const out: string[] = [];
  out.push('<g class="grid" aria-hidden="true">');
  for (let v = s.yMin; v <= 100; v += 10) {
    out.push(
      chart.thresholds.includes(v)
        ? ''
        : `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${coord(s.y(v))}" y2="${coord(s.y(v))}"/>`,
      `<text class="tick" x="${LEFT - 6}" y="${coord(s.y(v) + 4)}" text-anchor="end">${v}</text>`,
    );
  }
  out.push('</g><g class="thresholds" aria-hidden="true">');
  for (const t of chart.thresholds) {
    out.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${coord(s.y(t))}" y2="${coord(s.y(t))}"/>`,
      `<text x="${WIDTH - RIGHT + 4}" y="${coord(s.y(t) + 4)}">${t}%</text>`,
    );
  }
  out.push('</g>');
  return out;
}

/** Time axis: a tick each month, a label each quarter (January with its year). */
function timeAxis(s: Scale): string[] {
  const out: string[] = [];
  out.push('<g class="axis" aria-hidden="true">');
  out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM}"/>`);
  let [year, month] = toCivil(s.from);
  for (let day = fromCivil(year, month, 1); day <= s.until; day = fromCivil(year, month, 1)) {
    if (day >= s.from) {
      const px = coord(s.x(toIso(day)));
      const labelled = (month - 1) % 3 === 0;
      out.push(`<line x1="${px}" x2="${px}" y1="${PLOT_BOTTOM}" y2="${PLOT_BOTTOM + (labelled ? 6 : 3)}"/>`);
      if (labelled)
        out.push(
          `<text class="tick" x="${px}" y="${PLOT_BOTTOM + 18}" text-anchor="middle">${month === 1 ? year : MONTHS[month - 1]}</text>`,
        );
    }
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  out.push('</g>');
  return out;
}

/** Each window's line (clipped to the plot), the JSS's, and today. */
function scoreLines(chart: TimelineChart, s: Scale): string[] {
  const out: string[] = [];
  out.push(
    `<clipPath id="plot-area"><rect x="${LEFT}" y="${TOP}" width="${WIDTH - LEFT - RIGHT}" height="${PLOT_BOTTOM - TOP}"/></clipPath><g clip-path="url(#plot-area)">`,
  );
  chart.windows.forEach((line, i) => {
    out.push(
      `<path class="window" stroke-dasharray="${DASHES[i % DASHES.length]}" d="${stepPath(line.points, chart.until, s.x, s.y)}"><title>${text(line.name)} window</title></path>`,
    );
  });
  out.push('</g>');
  out.push(`<path class="jss" d="${stepPath(chart.jss, chart.until, s.x, s.y)}"><title>JSS</title></path>`);
  const tx = coord(s.x(chart.today));
  out.push(
    `<g class="today"><line x1="${tx}" x2="${tx}" y1="${TOP}" y2="${PLOT_BOTTOM}"/><text x="${tx}" y="${PLOT_BOTTOM - 6}" dx="4">today ${text(chart.today)}</text></g>`,
  );
  return out;
}

/** The scores you saw, each with the model's beside it. */
function observedMarks(chart: TimelineChart, s: Scale): string[] {
  const out: string[] = [];
  for (const o of chart.observed) {
    const ox = coord(s.x(o.date));
    const label = `seen ${o.jss ?? 'none'} · model ${o.model ?? 'none'}`;
    const tip = `${o.date}: Upwork showed ${o.jss === null ? 'no score' : `${o.jss}%`}; the model gives ${o.model === null ? 'no score' : `${o.model}%`}`;
    const oy = o.jss === null ? PLOT_BOTTOM - 8 : s.y(o.jss);
    out.push(
      `<g class="observed${o.jss === o.model ? '' : ' differs'}"><title>${text(tip)}</title><circle cx="${ox}" cy="${coord(oy)}" r="5"/>`,
      o.model === null ? '' : `<circle class="model" cx="${ox}" cy="${coord(s.y(o.model))}" r="3"/>`,
      `<text x="${ox}" y="${coord(oy - 9)}" text-anchor="middle">${text(label)}</text></g>`,
    );
  }
  return out;
}

/** One mark per day with events under the time axis, its contracts in a tooltip. */
function eventMarks(chart: TimelineChart, s: Scale): string[] {
  const out: string[] = [];
  out.push('<g class="events">');
  for (const e of chart.events) {
    const ex = coord(s.x(e.date));
    out.push(
      `<g class="event"><title>${text(`${e.date}\n${e.lines.join('\n')}`)}</title><path d="M${ex} ${PLOT_BOTTOM + 26}l-5 9h10z"/></g>`,
    );
  }
  out.push('</g>');
  out.push(
    `<text class="tick" x="${LEFT}" y="${HEIGHT - 6}">▲ a contract enters or leaves a window, or turns idle (hover for which)</text>`,
  );
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A step line: each value holds from its date to the next point's (the last to `until`); null breaks the line. */
function stepPath(
  points: StepPoint[],
  until: string,
  x: (iso: string) => number,
  y: (v: number) => number,
): string {
  const parts: string[] = [];
  let drawing = false;
  points.forEach((p, i) => {
    const end = x(points[i + 1]?.date ?? until);
    if (p.value === null) {
      drawing = false;
      return;
    }
    const py = coord(y(p.value));
    parts.push(drawing ? `V${py}H${coord(end)}` : `M${coord(x(p.date))} ${py}H${coord(end)}`);
    drawing = true;
  });
  return parts.join('');
}
