import { addMonths, type Day, LAST_DAY_ISO, toDay, toIso } from './dates.js';
import type { RulesRef } from './estimate.js';
import type { Prepared } from './evaluate.js';
import { buildTimeline, type ChangePoint, type EventKind, selectionsOn } from './timeline.js';
import type { RuleSet } from './types.js';
import { reaches } from './windows.js';

export const STEPS = ['day', 'week', 'month'] as const;
export type Step = (typeof STEPS)[number];

/** How far forecasts (and `plan`'s time-alone answer) look by default. */
export const DEFAULT_FORECAST_MONTHS = 24;

export interface ForecastOptions {
  /** The last day, `YYYY-MM-DD`, not before the evaluation date; default: 24 months after it. */
  until?: string;
  /** Distance between series points; default `week`. Crossings and events are exact days whatever it is. */
  step?: Step;
  /** `builtin` or the rule file's path, for the report's `rules.source`. */
  rulesSource?: string;
}

export interface SeriesPoint {
  date: string;
  jss: number | null;
  score: number | null;
  window: string | null;
}

/** `threshold: null` is the score appearing (`up`) or disappearing (`down`). */
export interface Crossing {
  threshold: number | null;
  date: string;
  direction: 'up' | 'down';
}

/** `window` is null for `turns-idle` (the contract's classification changes, not a window). */
export interface ForecastEvent {
  date: string;
  contract: string;
  window: string | null;
  what: EventKind;
}

/** The report of `jss forecast` for one rule set (DESIGN §6, without the envelope). */
export interface ForecastReport {
  asOf: string;
  rules: RulesRef;
  series: SeriesPoint[];
  crossings: Crossing[];
  events: ForecastEvent[];
}

/**
 * The default last day: 24 months after the evaluation date (day clamped to the month's end), or
 * 9999-12-31, the last day a date can name, if that comes first.
 */
export function defaultUntil(asOf: Day): Day {
  return Math.min(addMonths(asOf, DEFAULT_FORECAST_MONTHS), toDay(LAST_DAY_ISO));
}

/**
 * The history held as it is, evaluated over time: a point every step from the evaluation date
 * (month steps are `addMonths(asOf, k)`), `until` always the last point; the exact days on which the
 * JSS crosses a threshold of the rule set or appears or disappears; and what changed, contract by
 * contract, on each day after the evaluation date up to `until`.
 */
export function forecast(prepared: Prepared, options: ForecastOptions = {}): ForecastReport {
  return forecastWithChanges(prepared, options).report;
}

/**
 * The forecast and, beside it, every change of the displayed figures at day resolution: the
 * evaluation date first, then each day on which the JSS, score or window changes (for text output,
 * which says what moved the JSS on each day).
 */
export function forecastWithChanges(
  prepared: Prepared,
  options: ForecastOptions = {},
): { report: ForecastReport; changes: SeriesPoint[] } {
  const asOf = prepared.asOf;
  const until = options.until !== undefined ? toDay(options.until) : defaultUntil(asOf);
  if (until < asOf)
    throw new RangeError(`until (${toIso(until)}) is before the evaluation date (${toIso(asOf)})`);
  const { changes, events } = buildTimeline(prepared, until, { events: true });
  const days = seriesDays(asOf, until, options.step ?? 'week');
  // Large histories have many events on few days: format each day once.
  const isoDays: string[] = [];
  const iso = (day: Day) => (isoDays[day - asOf] ??= toIso(day));
  const series = selectionsOn(changes, days).map((s, i) => ({
    date: iso(days[i]),
    jss: s.jss,
    score: s.score,
    window: s.window,
  }));
  const report: ForecastReport = {
    asOf: toIso(asOf),
    rules: { name: prepared.rules.name, source: options.rulesSource ?? 'builtin' },
    series,
    crossings: crossings(changes, prepared.rules),
    events: events.map((e) => ({
      date: iso(e.day),
      contract: prepared.facts[e.contract].contract.id,
      window: e.window,
      what: e.what,
    })),
  };
  const points = changes.map((c) => ({
    date: iso(c.day),
    jss: c.selection.jss,
    score: c.selection.score,
    window: c.selection.window,
  }));
  return { report, changes: points };
}

/** asOf + k·step up to `until`, then `until` itself if the steps do not land on it. */
export function seriesDays(asOf: Day, until: Day, step: Step): Day[] {
  const days: Day[] = [];
  for (let k = 0; ; k++) {
    const day = step === 'month' ? addMonths(asOf, k) : asOf + k * (step === 'week' ? 7 : 1);
    if (day > until) break;
    days.push(day);
  }
  if (days[days.length - 1] !== until) days.push(until);
  return days;
}

function crossings(changes: readonly ChangePoint[], rules: RuleSet): Crossing[] {
  const out: Crossing[] = [];
  for (let i = 1; i < changes.length; i++) {
    const before = changes[i - 1].selection;
    const after = changes[i].selection;
    const date = toIso(changes[i].day);
    if (before.shown !== after.shown)
      out.push({ threshold: null, date, direction: after.shown ? 'up' : 'down' });
    for (const threshold of rules.thresholds) {
      const was = reaches(before.jss, threshold);
      const is = reaches(after.jss, threshold);
      if (was !== is) out.push({ threshold, date, direction: is ? 'up' : 'down' });
    }
  }
  return out;
}
