import { addMonths, type Day, LAST_DAY_ISO, toDay, toIso } from './dates.js';
import type { RulesRef } from './estimate.js';
import type { PreparedHistory } from './evaluate.js';
import { type Past, pastDays } from './past.js';
import {
  buildTimeline,
  type EventKind,
  type SelectionStep,
  selectionsOn,
  type TimelineEvent,
} from './timeline.js';
import type { History, Observation, RuleSet } from './types.js';
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
  /** `--from`: start the series on an earlier day, with the history as it stood each day (§8). */
  past?: PastOptions;
}

export interface PastOptions {
  /** The first day, `YYYY-MM-DD`, not after the evaluation date. */
  from: string;
  /** The history as written (not rewound, without a forecast's changes). */
  history: History;
  /** T: the later of the evaluation date and the history's date; guesses are fixed at it. */
  fixedAt: string;
  /** The observations to report (those from `from` up to the evaluation date are kept). */
  observed?: readonly Observation[];
}

/** Every window's score (rule-set order, null where it holds nothing) from `date` until the next point. */
export interface WindowScoresPoint {
  date: string;
  scores: (number | null)[];
  eligible: boolean[];
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
/** A JSS Upwork showed on a day (null: none shown). */
export interface ObservedScore {
  date: string;
  jss: number | null;
}

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
  /** With `--from` only: the observations in the series' span, up to the evaluation date. */
  observed?: ObservedScore[];
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
 * contract, on each day after the evaluation date up to `until`. With `past`, the points start on
 * its `from` day (`addMonths(from, k)` for months) and each day before the evaluation date is the
 * history as it stood that day (DESIGN §8), its crossings and events found by comparing each day
 * with the one before (`pastDays`); the report then has `observed`.
 */
export function forecast(prepared: PreparedHistory, options: ForecastOptions = {}): ForecastReport {
  return forecastWithSteps(prepared, options).report;
}

/**
 * The forecast and, beside it, every change of the displayed figures at day resolution: the
 * evaluation date first, then each day on which the JSS, score or window changes (for text output,
 * which says what moved the JSS on each day).
 */
export function forecastWithSteps(
  prepared: PreparedHistory,
  options: ForecastOptions & { windowScores?: boolean } = {},
): { report: ForecastReport; steps: SeriesPoint[]; windowScores: WindowScoresPoint[] } {
  const asOf = prepared.asOf;
  const until = options.until !== undefined ? toDay(options.until) : defaultUntil(asOf);
  if (until < asOf)
    throw new RangeError(`until (${toIso(until)}) is before the evaluation date (${toIso(asOf)})`);
  const from = options.past ? toDay(options.past.from) : asOf;
  if (from > asOf)
    throw new RangeError(`from (${toIso(from)}) is after the evaluation date (${toIso(asOf)})`);
  const timeline = buildTimeline(prepared, until, { events: true, windowScores: options.windowScores });
  const past = options.past
    ? pastDays(options.past.history, prepared.rules, from, options.past.fixedAt, prepared)
    : undefined;
  // The past's selection steps end with the evaluation date's (when it differs from the day before).
  const steps: SelectionStep[] = past
    ? [...past.selectionSteps, ...timeline.selectionSteps.slice(1)]
    : timeline.selectionSteps;
  const days = seriesDays(from, until, options.step ?? 'week');
  // Large histories have many events on few days: format each day once.
  const isoDays: string[] = [];
  const iso = (day: Day) => (isoDays[day - from] ??= toIso(day));
  const future = days.filter((day) => day >= asOf);
  const selections = [
    // days before the evaluation date exist only with a past (`from` is before it only then)
    ...(past ? days.filter((day) => day < asOf).map((day) => past.selections[day - from]) : []),
    ...selectionsOn(timeline.selectionSteps, future),
  ];
  const series = selections.map((s, i) => ({
    date: iso(days[i]),
    jss: s.jss,
    score: s.score,
    window: s.window,
  }));
  const ids = prepared.facts.map((f) => f.contract.id);
  const report: ForecastReport = {
    asOf: toIso(asOf),
    rules: { name: prepared.rules.name, source: options.rulesSource ?? 'builtin' },
    series,
    crossings: crossings(steps, prepared.rules),
    events: eventsOf(past, timeline.events, ids, iso),
  };
  if (options.past)
    report.observed = observedBetween(options.past.observed ?? [], from, Math.min(asOf, until));
  const points = steps.map((c) => ({
    date: iso(c.day),
    jss: c.selection.jss,
    score: c.selection.score,
    window: c.selection.window,
  }));
  const windowScores = timeline.windowScores.map((w) => ({
    date: iso(w.day),
    scores: w.scores.score,
    eligible: w.scores.eligible,
  }));
  return { report, steps: points, windowScores };
}

/** The past's events, then the timeline's, with their dates and contract ids. */
function eventsOf(
  past: Past | undefined,
  future: readonly TimelineEvent[],
  ids: readonly string[],
  iso: (day: Day) => string,
): ForecastEvent[] {
  return [
    ...(past?.events ?? []).map((e) => ({
      date: iso(e.day),
      contract: e.contract,
      window: e.window,
      what: e.what,
    })),
    ...future.map((e) => ({ date: iso(e.day), contract: ids[e.contract], window: e.window, what: e.what })),
  ];
}

/** The scores seen from `first` to `last`, in date order. */
function observedBetween(observed: readonly Observation[], first: Day, last: Day): ObservedScore[] {
  const [from, to] = [toIso(first), toIso(last)];
  return observed
    .filter((o) => o.date >= from && o.date <= to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((o) => ({ date: o.date, jss: o.jss }));
}

/** first + k·step up to `until`, then `until` itself if the steps do not land on it. */
export function seriesDays(first: Day, until: Day, step: Step): Day[] {
  const days: Day[] = [];
  for (let k = 0; ; k++) {
    const day = step === 'month' ? addMonths(first, k) : first + k * (step === 'week' ? 7 : 1);
    if (day > until) break;
    days.push(day);
  }
  if (days[days.length - 1] !== until) days.push(until);
  return days;
}

function crossings(steps: readonly SelectionStep[], rules: RuleSet): Crossing[] {
  const out: Crossing[] = [];
  for (let i = 1; i < steps.length; i++) {
    const before = steps[i - 1].selection;
    const after = steps[i].selection;
    const date = toIso(steps[i].day);
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
