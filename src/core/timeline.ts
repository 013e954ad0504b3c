import { type Classification, type CountedOutcome, classify } from './classify.js';
import type { Day } from './dates.js';
import type { DayState, PreparedHistory } from './evaluate.js';
import type { ContractFacts } from './facts.js';
import type { MonthWindow, RuleSet } from './types.js';
import {
  addUnits,
  cloneTotals,
  emptyWindowTotals,
  leavesWindow,
  monthWindows,
  type Scores,
  type Selection,
  scoresOf,
  select,
  weightUnits,
} from './windows.js';

/**
 * The history held as it is (open contracts stay open and unpaid), swept day by day from its
 * evaluation date. A contract's classification can change only once, on the day it turns idle, so
 * it has at most two states; in each state it sits in a month window from the day it enters to the
 * day it leaves (`leavesWindow`). Those days are bucketed by day once, then the sweep applies them
 * to running totals and re-scores only on days that have any.
 */

export type EventKind = 'enters' | 'leaves' | 'turns-idle';

export interface TimelineEvent {
  day: Day;
  /** Index into `prepared.facts`. */
  contract: number;
  /** A month window's name; null for `turns-idle`. */
  window: string | null;
  what: EventKind;
}

/** The selection in force from `day` until the next step. */
export interface SelectionStep {
  day: Day;
  selection: Selection;
}

/** Every window's score and eligibility (rule-set order) in force from `day` until the next one. */
export interface WindowScoresPoint {
  day: Day;
  scores: Scores;
}

export interface Timeline {
  /** The evaluation date first, then every later day up to `until` on which the selection changes. */
  selectionSteps: SelectionStep[];
  /** With `windowScores`: the evaluation date first, then every later day on which any window's score or eligibility changes. */
  windowScores: WindowScoresPoint[];
  /**
   * Events after the evaluation date up to `until` (with `untilJssChanges`: those of the last day
   * swept only), by day, then contract, then window order.
   */
  events: TimelineEvent[];
}

const OUTCOME_CODES: readonly CountedOutcome[] = ['success', 'neutral', 'negative'];

function outcomeCode(outcome: CountedOutcome): number {
  return outcome === 'success' ? 0 : outcome === 'neutral' ? 1 : 2;
}

/**
 * A change to one window's totals, packed in one small integer so that a large history's deltas
 * are not a million objects: the bits of (fact · windows + window), then two of the outcome's code,
 * then one of the sign (1: removed).
 */
type Delta = number;

function packDelta(fact: number, windows: number, w: number, outcome: CountedOutcome, sign: 1 | -1): Delta {
  return ((fact * windows + w) << 3) | (outcomeCode(outcome) << 1) | (sign < 0 ? 1 : 0);
}

/**
 * An event, packed like a delta until it is asked for: (fact · (windows + 1) + window) · 2 + kind,
 * where window = windows stands for `turns-idle` and kind is 0 for `enters`, 1 for `leaves`.
 */
type PackedEvent = number;

/** One state of a contract, from `from` (inclusive) to `to` (exclusive). */
interface Span {
  from: Day;
  to: Day;
  cls: Classification;
  /** Counted from the evaluation day itself (an open contract a custom rule counts): always in. */
  floating: boolean;
}

export interface TimelineOptions {
  /** Collect the events of each day. */
  events?: boolean;
  /**
   * Stop the sweep at the first day on which the displayed JSS changes (for `next`): selection
   * steps end on that day, and events are that day's only (or `until`'s, when it does not change).
   */
  untilJssChanges?: boolean;
  /**
   * The evaluation date's state, when already known: its classes and totals are where the sweep
   * starts (saves classifying and counting again).
   */
  now?: DayState;
  /** A memo of when counted contracts leave each window, shared by timelines of one run. */
  leaving?: LeavesWindow;
  /** Also record every window's score and eligibility on each day any of them changes. */
  windowScores?: boolean;
}

/** What collecting a timeline's deltas and events works with. */
interface Collecting {
  asOf: Day;
  until: Day;
  windows: readonly MonthWindow[];
  leaving: LeavesWindow;
  /** By day offset from the evaluation date (sparse: most days have none). */
  deltas: (Delta[] | undefined)[];
  /** Likewise; only when events are asked for. */
  events: (PackedEvent[] | undefined)[] | undefined;
  /** The sweep starts from the evaluation date's totals: no deltas on that day. */
  fromState: boolean;
  /** Per counting day: the day a contract counted from it leaves each month window (by index). */
  leaveDays: Map<Day, Day[]>;
}

/**
 * When a contract counted from `countDay` leaves each month window, worked out once per day;
 * undefined for a contract that does not count.
 */
function leaveDaysOf(at: Collecting, countDay: Day | undefined): Day[] | undefined {
  if (countDay === undefined) return undefined;
  let days = at.leaveDays.get(countDay);
  if (days === undefined) {
    days = at.windows.map((w) => at.leaving(countDay, w.months));
    at.leaveDays.set(countDay, days);
  }
  return days;
}

export function buildTimeline(
  prepared: PreparedHistory,
  until: Day,
  options: TimelineOptions = {},
): Timeline {
  const { facts, asOf, rules } = prepared;
  const length = Math.max(0, until - asOf) + 1;
  const windows = monthWindows(rules);
  const at: Collecting = {
    asOf,
    until,
    windows,
    leaving: options.leaving ?? memoLeavesWindow(),
    deltas: new Array(length),
    events: options.events ? new Array(length) : undefined,
    fromState: options.now !== undefined,
    leaveDays: new Map(),
  };
  const longest = Math.max(0, ...windows.map((w) => w.months));
  for (let fact = 0; fact < facts.length; fact++) {
    const f = facts[fact];
    // An ended contract counts from its end, whatever its outcome: skip those out of every window.
    if (!f.open && at.leaving(f.end, longest) <= asOf) continue;
    collect(at, fact, spansOf(f, rules, asOf, options.now?.classes[fact]));
  }
  const { steps, windowScores, last } = sweep(prepared, at.deltas, options);
  const first = options.untilJssChanges ? last : 0;
  const events = at.events ? unpackEvents(prepared, at.events, first, last) : [];
  return { selectionSteps: steps, windowScores, events };
}

/** Records one contract's deltas (and, when asked, events) on the days they happen. */
function collect(at: Collecting, fact: number, spans: readonly Span[]): void {
  const { asOf, until, windows, events } = at;
  const count = windows.length;
  if (
    events &&
    spans.length === 2 &&
    decidedDifferently(spans[0].cls, spans[1].cls) &&
    spans[1].from <= until
  )
    pushAt(events, spans[1].from - asOf, (fact * (count + 1) + count) * 2);
  // When each state leaves each window (looked up once per state, not per window).
  const leaves0 = leaveDaysOf(at, spans[0].cls.countDay);
  const leaves1 = spans.length > 1 ? leaveDaysOf(at, spans[1].cls.countDay) : undefined;
  for (let w = 0; w < count; w++) {
    // The days [enter, leave) the contract is in the window, its states' intervals joined.
    let enter = 0;
    let leave = 0;
    let inside = false;
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k];
      const cls = s.cls;
      const leaves = k === 0 ? leaves0 : leaves1;
      if (cls.countDay === undefined || leaves === undefined) continue;
      const from = s.floating ? s.from : Math.max(cls.countDay, s.from);
      const to = s.floating ? s.to : Math.min(leaves[w], s.to);
      if (from >= to || to <= asOf) continue; // not in the window on any day we look at
      if (from <= until && !(at.fromState && from <= asOf))
        pushAt(at.deltas, Math.max(0, from - asOf), packDelta(fact, count, w, cls.outcome, 1));
      if (to <= until) pushAt(at.deltas, Math.max(0, to - asOf), packDelta(fact, count, w, cls.outcome, -1));
      if (!events) continue;
      if (inside && leave === from) leave = to;
      else {
        if (inside) pushInterval(events, asOf, until, fact * (count + 1) + w, enter, leave);
        enter = from;
        leave = to;
        inside = true;
      }
    }
    if (events && inside) pushInterval(events, asOf, until, fact * (count + 1) + w, enter, leave);
  }
}

/** The `enters` and `leaves` events of one stay in a window, on the days after the evaluation date. */
function pushInterval(
  events: (PackedEvent[] | undefined)[],
  asOf: Day,
  until: Day,
  factWindow: number,
  enter: Day,
  leave: Day,
): void {
  if (enter > asOf && enter <= until) pushAt(events, enter - asOf, factWindow * 2);
  if (leave > asOf && leave <= until) pushAt(events, leave - asOf, factWindow * 2 + 1);
}

/**
 * Applies each day's deltas to running totals and scores the days that have any. Returns the
 * selection steps, the window scores when asked, and the last day offset swept.
 */
function sweep(
  prepared: PreparedHistory,
  deltas: readonly (Delta[] | undefined)[],
  options: TimelineOptions,
): { steps: SelectionStep[]; windowScores: WindowScoresPoint[]; last: number } {
  const { rules, facts, asOf } = prepared;
  const count = monthWindows(rules).length;
  const totals = options.now
    ? options.now.totals.map(cloneTotals)
    : emptyWindowTotals(rules, prepared.clientCount);
  // Each fact's weight and client side by side in typed arrays: the sweep reads them in fact
  // order, without visiting the fact objects.
  const units = new Float64Array(facts.length);
  const clients = new Int32Array(facts.length);
  for (let i = 0; i < facts.length; i++) {
    units[i] = weightUnits(facts[i].weight);
    clients[i] = facts[i].clientIndex;
  }
  const apply = (list: readonly Delta[]) => {
    for (const delta of list) {
      const windowed = delta >>> 3;
      const w = windowed % count;
      const fact = (windowed - w) / count;
      const sign = (delta & 1) === 1 ? -1 : 1;
      addUnits(totals[w], OUTCOME_CODES[(delta >>> 1) & 3], units[fact], clients[fact], sign);
    }
  };
  apply(deltas[0] ?? []);
  const first = scoresOf(rules, totals);
  const steps: SelectionStep[] = [{ day: asOf, selection: select(rules, first) }];
  const windowScores: WindowScoresPoint[] = options.windowScores ? [{ day: asOf, scores: first }] : [];
  for (let i = 1; i < deltas.length; i++) {
    const list = deltas[i];
    if (list === undefined) continue;
    apply(list);
    const scores = scoresOf(rules, totals);
    const selection = select(rules, scores);
    const before = steps[steps.length - 1].selection;
    if (options.windowScores && !sameScores(windowScores[windowScores.length - 1].scores, scores))
      windowScores.push({ day: asOf + i, scores });
    if (!sameSelection(before, selection)) {
      steps.push({ day: asOf + i, selection });
      if (options.untilJssChanges && before.jss !== selection.jss) return { steps, windowScores, last: i };
    }
  }
  return { steps, windowScores, last: deltas.length - 1 };
}

/** The packed events of the day offsets `first`..`last`, as objects, by day (the holes are days without). */
function unpackEvents(
  prepared: PreparedHistory,
  events: readonly (PackedEvent[] | undefined)[],
  first: number,
  last: number,
): TimelineEvent[] {
  const windows = monthWindows(prepared.rules);
  const out: TimelineEvent[] = [];
  for (let i = first; i <= last && i < events.length; i++) {
    const list = events[i];
    if (list === undefined) continue;
    for (const packed of list) {
      const kind = packed % 2;
      const rest = Math.floor(packed / 2);
      const w = rest % (windows.length + 1);
      const contract = Math.floor(rest / (windows.length + 1));
      const day = prepared.asOf + i;
      if (w === windows.length) out.push({ day, contract, window: null, what: 'turns-idle' });
      else out.push({ day, contract, window: windows[w].name, what: kind === 0 ? 'enters' : 'leaves' });
    }
  }
  return out;
}

/** Appends to the list at `i`, making it on first use. */
function pushAt<T>(lists: (T[] | undefined)[], i: number, item: T): void {
  const list = lists[i];
  if (list === undefined) lists[i] = [item];
  else list.push(item);
}

/** The selection in force on each of `days` (ascending, none before the timeline's first day). */
export function selectionsOn(steps: readonly SelectionStep[], days: readonly Day[]): Selection[] {
  let i = 0;
  return days.map((day) => {
    while (i + 1 < steps.length && steps[i + 1].day <= day) i++;
    return steps[i].selection;
  });
}

/** At most two states: before and after the day an open contract turns idle. */
function spansOf(f: ContractFacts, rules: RuleSet, asOf: Day, known?: Classification): Span[] {
  if (!f.open || f.idleFrom <= asOf) return [span(f, rules, -Infinity, Infinity, asOf, known)];
  const idleFrom = f.idleFrom;
  return [span(f, rules, -Infinity, idleFrom, asOf, known), span(f, rules, idleFrom, Infinity, idleFrom)];
}

/** Classifies on `day` (the span's first day we look at); detects a count day that moves with the day. */
function span(f: ContractFacts, rules: RuleSet, from: Day, to: Day, day: Day, known?: Classification): Span {
  const cls = known ?? classify(f, rules, day);
  const floating =
    f.open &&
    cls.countDay !== undefined &&
    day + 1 < to &&
    classify(f, rules, day + 1).countDay !== cls.countDay;
  return { from, to, cls, floating };
}

/** `leavesWindow`, remembered: pass one to several timelines of the same rules to share it. */
export type LeavesWindow = (countDay: Day, months: number) => Day;

export function memoLeavesWindow(): LeavesWindow {
  const caches = new Map<number, Map<Day, Day>>();
  return (countDay, months) => {
    let cache = caches.get(months);
    if (!cache) {
      cache = new Map();
      caches.set(months, cache);
    }
    let day = cache.get(countDay);
    if (day === undefined) {
      day = leavesWindow(countDay, months);
      cache.set(countDay, day);
    }
    return day;
  };
}

/** Whether two classifications of a contract differ in outcome or deciding rule (it turned idle). */
function decidedDifferently(a: Classification, b: Classification): boolean {
  return a.outcome !== b.outcome || a.rule.name !== b.rule.name;
}

function sameScores(a: Scores, b: Scores): boolean {
  return a.score.every((x, i) => x === b.score[i]) && a.eligible.every((x, i) => x === b.eligible[i]);
}

function sameSelection(a: Selection, b: Selection): boolean {
  return a.shown === b.shown && a.jss === b.jss && a.score === b.score && a.window === b.window;
}
