import { type Classification, type CountedOutcome, classify } from './classify.js';
import type { Day } from './dates.js';
import type { PreparedHistory } from './evaluate.js';
import type { ContractFacts } from './facts.js';
import type { RuleSet } from './types.js';
import {
  addCounted,
  emptyWindowTotals,
  leavesWindow,
  monthWindows,
  type Scores,
  type Selection,
  scoresOf,
  select,
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
  /** Events after the evaluation date up to `until`, by day, then contract, then window order. */
  events: TimelineEvent[];
}

const OUTCOME_CODES: readonly CountedOutcome[] = ['success', 'neutral', 'negative'];

/**
 * A change to one window's totals, packed in one small integer so that a large history's deltas
 * are not a million objects: ((fact · windows + window) · 3 + outcome) · 2 + (sign < 0 ? 1 : 0).
 */
type Delta = number;

/** One state of a contract, from `from` (inclusive) to `to` (exclusive). */
interface Span {
  from: Day;
  to: Day;
  cls: Classification;
  /** Counted from the evaluation day itself (an open contract a custom rule counts): always in. */
  floating: boolean;
}

export interface TimelineOptions {
  /** Collect the events of each day (allocates an object per event). */
  events?: boolean;
  /** Stop the sweep at the first day on which the displayed JSS changes (for `next`). */
  untilJssChanges?: boolean;
  /** Every contract's classification on the evaluation date, when already known (saves classifying again). */
  classes?: readonly Classification[];
  /** A memo of when counted contracts leave each window, shared by timelines of one run. */
  leaving?: LeavesWindow;
  /** Also record every window's score and eligibility on each day any of them changes. */
  windowScores?: boolean;
}

export function buildTimeline(
  prepared: PreparedHistory,
  until: Day,
  options: TimelineOptions = {},
): Timeline {
  const { rules, facts, asOf } = prepared;
  const windows = monthWindows(rules);
  const length = Math.max(0, until - asOf) + 1;
  // Filled lazily: most days have nothing.
  const deltas: (Delta[] | undefined)[] = new Array(length);
  const pack = (fact: number, window: number, outcome: CountedOutcome, sign: 1 | -1): Delta =>
    ((fact * windows.length + window) * 3 + OUTCOME_CODES.indexOf(outcome)) * 2 + (sign < 0 ? 1 : 0);
  const eventDays: (TimelineEvent[] | undefined)[] = options.events ? new Array(length) : [];
  const slot = (day: Day): number | undefined => (day > until ? undefined : Math.max(0, day - asOf));
  const leaving = options.leaving ?? memoLeavesWindow();
  const longest = Math.max(0, ...windows.map((w) => w.months));

  facts.forEach((f, fact) => {
    // An ended contract counts from its end, whatever its outcome: skip those out of every window.
    if (!f.open && leaving(f.end, longest) <= asOf) return;
    const spans = spansOf(f, rules, asOf, options.classes?.[fact]);
    if (options.events && spans.length === 2 && changed(spans[0].cls, spans[1].cls)) {
      const day = spans[1].from;
      if (day <= until)
        pushAt(eventDays, day - asOf, { day, contract: fact, window: null, what: 'turns-idle' });
    }
    windows.forEach((w, window) => {
      const intervals: [Day, Day][] = [];
      for (const span of spans) {
        const m = membership(span, w.months, leaving);
        if (!m || m.leave <= asOf) continue; // not in the window on any day we look at
        const outcome = m.outcome;
        const enter = slot(m.enter);
        const leave = slot(m.leave);
        if (enter !== undefined) pushAt(deltas, enter, pack(fact, window, outcome, 1));
        if (leave !== undefined) pushAt(deltas, leave, pack(fact, window, outcome, -1));
        const last = intervals[intervals.length - 1];
        if (last && last[1] === m.enter) last[1] = m.leave;
        else intervals.push([m.enter, m.leave]);
      }
      if (!options.events) return;
      for (const [enter, leave] of intervals) {
        if (enter > asOf && enter <= until)
          pushAt(eventDays, enter - asOf, {
            day: enter,
            contract: fact,
            window: w.name,
            what: 'enters',
          });
        if (leave > asOf && leave <= until)
          pushAt(eventDays, leave - asOf, {
            day: leave,
            contract: fact,
            window: w.name,
            what: 'leaves',
          });
      }
    });
  });

  const totals = emptyWindowTotals(rules, prepared.clientCount);
  const apply = (list: Delta[]) => {
    for (const delta of list) {
      const sign = delta % 2 === 1 ? -1 : 1;
      const rest = Math.floor(delta / 2);
      const outcome = OUTCOME_CODES[rest % 3];
      const windowed = Math.floor(rest / 3);
      const f = facts[Math.floor(windowed / windows.length)];
      addCounted(totals[windowed % windows.length], outcome, f.weight, f.clientIndex, sign);
    }
  };
  apply(deltas[0] ?? []);
  const first = scoresOf(rules, totals);
  const steps: SelectionStep[] = [{ day: asOf, selection: select(rules, first) }];
  const windowScores: WindowScoresPoint[] = options.windowScores ? [{ day: asOf, scores: first }] : [];
  for (let i = 1; i < length; i++) {
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
      if (options.untilJssChanges && before.jss !== selection.jss) break;
    }
  }
  // flatMap skips the days that had no event (holes of the sparse array)
  return { selectionSteps: steps, windowScores, events: eventDays.flatMap((events) => events ?? []) };
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

/** The days [enter, leave) on which a state puts the contract in an M-month window, with its outcome. */
interface Membership {
  enter: Day;
  leave: Day;
  outcome: CountedOutcome;
}

/** When a state puts the contract in an M-month window, if it does. */
function membership(
  s: Span,
  months: number,
  leaving: (countDay: Day, months: number) => Day,
): Membership | undefined {
  const cls = s.cls;
  if (cls.countDay === undefined) return undefined;
  if (s.floating) return { enter: s.from, leave: s.to, outcome: cls.outcome };
  const enter = Math.max(cls.countDay, s.from);
  const leave = Math.min(leaving(cls.countDay, months), s.to);
  return enter < leave ? { enter, leave, outcome: cls.outcome } : undefined;
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

function changed(a: Classification, b: Classification): boolean {
  return a.outcome !== b.outcome || a.rule.name !== b.rule.name;
}

function sameScores(a: Scores, b: Scores): boolean {
  return a.score.every((x, i) => x === b.score[i]) && a.eligible.every((x, i) => x === b.eligible[i]);
}

function sameSelection(a: Selection, b: Selection): boolean {
  return a.shown === b.shown && a.jss === b.jss && a.score === b.score && a.window === b.window;
}
