import { isIdle } from './classify.js';
import { type Day, toDay, toIso } from './dates.js';
import { type PreparedHistory, stateAt } from './evaluate.js';
import { type ContractFacts, computeFacts, contractWeight } from './facts.js';
import { lastPaymentOrGuess, proratedCents, rewindHistory } from './rewind.js';
import { buildTimeline, type EventKind, memoLeavesWindow, type SelectionStep } from './timeline.js';
import type { ClassifyRule, Contract, History, RuleSet } from './types.js';
import { monthWindows, type Selection, selectionOf, windowStart } from './windows.js';

/**
 * The past of a forecast (`forecast --from`, DESIGN §6 and §8): each day before the evaluation date
 * is the history as it stood that day, evaluated that day, and compared with the day before: that
 * gives the past's crossings and events. A day is evaluated in full when the history changed on
 * it (a contract starts, ends or is paid, or a pro-rated amount crosses something the rules can
 * see); the days between are the previous full day's history held as it is, so a forecast
 * timeline from that day answers them all at once, exactly as evaluating each would
 * (test/core/forecast-past.test.ts compares the two).
 */

/**
 * What a day says about each contract, for comparing it with the day before: per contract slot
 * (`Slots`), one number packing its rule, whether it is open and idle, and the month windows it is
 * in (a bit each, rule-set order); -1 when the contract does not exist that day. Numbers, not
 * objects: a long past of a large history compares many days.
 */
interface DayView {
  selection: Selection;
  states: number[];
}

/** Contract ids to slots, in the history's order (contracts added by changes after them). */
interface Slots {
  index: Map<string, number>;
  ids: string[];
  /** Each classify rule's position (a rule decides the outcome). */
  rules: Map<ClassifyRule, number>;
  windows: number;
}

/** An event found by comparing a day with the one before; `contract` is the contract's id. */
export interface PastEvent {
  day: Day;
  contract: string;
  window: string | null;
  what: EventKind;
}

export interface Past {
  /** The selection on each day from `from` to the day before the evaluation date. */
  selections: Selection[];
  /** `from`, then every later day up to the evaluation date whose selection differs from the day before. */
  selectionSteps: SelectionStep[];
  /** Events on the days after `from` up to and including the evaluation date, by day, then contract. */
  events: PastEvent[];
}

/**
 * The days `from` .. the evaluation date − 1 of `history` (as written, dated H) under `rules`, with
 * guesses fixed at `fixedAt` (T), and the evaluation date itself as `atEvaluation` has it (the
 * history on that day, with a forecast's changes applied): its selection and events are compared
 * with the day before it too.
 */
export function pastDays(
  history: History,
  rules: RuleSet,
  from: Day,
  fixedAt: string,
  atEvaluation: PreparedHistory,
): Past {
  const evaluation = atEvaluation.asOf;
  const selections: Selection[] = [];
  const steps: SelectionStep[] = [];
  const events: PastEvent[] = [];
  const windowNames = monthWindows(rules).map((w) => w.name);
  const slots = slotsOf(history, rules, windowNames.length);
  const changing = changeDays(history, from, evaluation, fixedAt);
  const payable = payableByDates(history, fixedAt);
  // Rewinding shares the contracts that did not change: their facts are computed once.
  const cache = new WeakMap<Contract, ContractFacts>();
  const prepareDay = (day: Day): PreparedHistory => {
    const rewound = rewindHistory(history, toIso(day), fixedAt).history;
    const { facts, warnings, clientCount } = computeFacts(rewound.contracts, rules, day, cache);
    return { history: rewound, rules, asOf: day, facts, clientCount, warnings };
  };
  const leaving = memoLeavesWindow();
  let previous: DayView | undefined;
  /** Records a fully evaluated day, compared with the day before. */
  const see = (view: DayView, day: Day) => {
    if (!previous || !sameSelection(previous.selection, view.selection))
      steps.push({ day, selection: view.selection });
    if (previous) compare(previous, view, day, slots, windowNames, events);
  };
  for (let day = from; day < evaluation; ) {
    const prepared = prepareDay(day);
    const view = viewOf(prepared, day, slots);
    see(view, day);
    selections.push(view.selection);
    // The run of days that stand as `day` did: up to the next start, end or payment (or the
    // first or last payment day of a contract paid pro rata), and no further than its pro-rated
    // contracts keep the facts they have on `day`.
    const same = sameAsFrom(prepared, day, payable, rules);
    let next = day + 1;
    while (next < evaluation && !changing[next - from] && same(next)) next++;
    if (next === day + 1) {
      previous = view;
    } else {
      holdUntil(prepared, day, next, leaving, { selections, selectionSteps: steps, events });
      previous = viewOf(prepared, next - 1, slots);
    }
    day = next;
  }
  see(viewOf(atEvaluation, evaluation, slots), evaluation);
  return { selections, selectionSteps: steps, events };
}

/** A slot for each contract of the history (more are added as they appear), rule and window. */
function slotsOf(history: History, rules: RuleSet, windows: number): Slots {
  const slots: Slots = {
    index: new Map(),
    ids: [],
    rules: new Map(rules.classify.map((r, i) => [r, i])),
    windows,
  };
  for (const c of history.contracts) slotOf(slots, c.id);
  return slots;
}

/**
 * The days after `day` and before `next`, on which the history stands as it did on `day`: held as
 * it is, like a forecast from that day, whose timeline gives each day's selection and events.
 */
function holdUntil(
  prepared: PreparedHistory,
  day: Day,
  next: Day,
  leaving: ReturnType<typeof memoLeavesWindow>,
  out: Past,
): void {
  const timeline = buildTimeline(prepared, next - 1, { events: true, leaving });
  let k = 0;
  for (let d = day + 1; d < next; d++) {
    while (k + 1 < timeline.selectionSteps.length && timeline.selectionSteps[k + 1].day <= d) k++;
    out.selections.push(timeline.selectionSteps[k].selection);
  }
  out.selectionSteps.push(...timeline.selectionSteps.slice(1));
  for (const e of timeline.events) {
    out.events.push({
      day: e.day,
      contract: prepared.facts[e.contract].contract.id,
      window: e.window,
      what: e.what,
    });
  }
}

/**
 * The days from `from` to the day before `evaluation` on which the history as it stood may differ
 * from the day before in more than pro-rated earnings (by index from `from`): a contract starts,
 * ends or is paid (a payment of a list, or its first or last payment date, guesses fixed at T).
 */
function changeDays(history: History, from: Day, evaluation: Day, fixedAt: string): boolean[] {
  const changing: boolean[] = new Array(Math.max(0, evaluation - from)).fill(false);
  const mark = (day: Day) => {
    if (day >= from && day < evaluation) changing[day - from] = true;
  };
  for (const c of history.contracts) {
    mark(toDay(c.start));
    if (c.end !== undefined) mark(toDay(c.end));
    if (c.earnings <= 0) continue;
    if (c.payments && c.payments.length > 0) {
      for (const p of c.payments) mark(toDay(p.date));
    } else {
      mark(toDay(c.firstPayment ?? c.start));
      mark(toDay(lastPaymentOrGuess(c, fixedAt)));
    }
  }
  return changing;
}

/** A paid contract without a payments list: paid pro rata between its first and last dates. */
interface Payable {
  c: Contract;
  stillOpen: boolean;
  first: Day;
  last: Day;
}

function payableByDates(history: History, fixedAt: string): Payable[] {
  return history.contracts.flatMap((c) => {
    if (c.earnings <= 0 || (c.payments && c.payments.length > 0)) return [];
    const stillOpen = c.status !== 'ended';
    const first = toDay(c.firstPayment ?? c.start);
    const last = toDay(lastPaymentOrGuess(c, fixedAt));
    return [{ c, stillOpen, first, last }];
  });
}

/**
 * Whether the history as it stood on a later day `d` (with no start, end or payment day between)
 * evaluates on `d` as the history of `day`, held as it is, does. Only contracts paid pro rata
 * differ between the two: their earnings grow and their last payment is `d`. That changes nothing
 * while, for each of them, the earnings stay on the same side of zero, of every earnings range of
 * the rules, and the weight stays the same; its client stays long-term or not; it would not yet
 * be idle from `day`; and a count from `day` stays in every window (a count from `d` always is).
 */
function sameAsFrom(
  prepared: PreparedHistory,
  day: Day,
  payable: readonly Payable[],
  rules: RuleSet,
): (d: Day) => boolean {
  // Paid pro rata on `day`: between its first and last payment dates (then started, not ended).
  const prorated = payable.filter((p) => p.first <= day && day < p.last);
  if (prorated.length === 0) return () => true;
  const ranges = rules.classify.flatMap((r) =>
    r.when.earnings !== undefined && r.when.earnings !== 'unknown' ? [r.when.earnings] : [],
  );
  const shortest = Math.min(...monthWindows(rules).map((w) => w.months));
  // Each client's payment span without its pro-rated contracts (the same on every day of the run).
  const proratedIds = new Set(prorated.map((p) => p.c.id));
  const theirClients = new Set(prorated.map((p) => p.c.client));
  const spans = new Map<string, { first: Day; last: Day }>();
  for (const f of prepared.facts) {
    if (f.firstPayment === undefined || f.lastPayment === undefined || !theirClients.has(f.contract.client))
      continue;
    if (proratedIds.has(f.contract.id)) continue;
    const s = spans.get(f.contract.client);
    if (!s) spans.set(f.contract.client, { first: f.firstPayment, last: f.lastPayment });
    else {
      s.first = Math.min(s.first, f.firstPayment);
      s.last = Math.max(s.last, f.lastPayment);
    }
  }
  /** What the rules can see of the pro-rated contracts on `d`, as one string. */
  const seen = (d: Day): string => {
    const clients = new Map<string, { first: Day; last: Day } | undefined>();
    const parts: string[] = [];
    for (const { c, stillOpen, first, last } of prorated) {
      const cents = proratedCents(c.earnings, d - first + 1, last - first + 1);
      const earnings = cents / 100;
      const refunded = stillOpen ? Math.min(c.refunded, earnings) : 0;
      const net = Math.round((earnings - refunded) * 100) / 100;
      const dates = cents === 0 ? undefined : { first, last: d };
      parts.push(
        String(cents === 0),
        String(contractWeight(net, dates, rules)),
        ...ranges.map((r) =>
          String((r.min === undefined || net >= r.min) && (r.max === undefined || net <= r.max)),
        ),
      );
      const base = clients.has(c.client) ? clients.get(c.client) : spans.get(c.client);
      clients.set(
        c.client,
        dates === undefined
          ? base
          : { first: Math.min(base?.first ?? first, first), last: Math.max(base?.last ?? d, d) },
      );
    }
    for (const span of clients.values())
      parts.push(String(span !== undefined && span.last - span.first > rules.longTerm.minSpanDays));
    return parts.join(' ');
  };
  const onDay = seen(day);
  return (d) => d - day < rules.idle.afterDays && day >= windowStart(d, shortest) && seen(d) === onDay;
}

function viewOf(prepared: PreparedHistory, day: Day, slots: Slots): DayView {
  const state = stateAt(prepared, day);
  const starts = monthWindows(prepared.rules).map((w) => windowStart(day, w.months));
  const states: number[] = new Array(slots.ids.length).fill(-1);
  prepared.facts.forEach((f, i) => {
    const c = state.classes[i];
    const countDay = c.countDay;
    const counted = countDay !== undefined && countDay <= day;
    let mask = 0;
    if (counted)
      starts.forEach((start, k) => {
        if (countDay >= start) mask += 2 ** k;
      });
    const rule = slots.rules.get(c.rule) ?? 0;
    const flags = ((rule * 2 + (isIdle(f, day) ? 1 : 0)) * 2 + (f.open ? 1 : 0)) * 2 ** slots.windows;
    states[slotOf(slots, f.contract.id)] = flags + mask;
  });
  return { selection: selectionOf(prepared.rules, state.totals), states };
}

function slotOf(slots: Slots, id: string): number {
  let slot = slots.index.get(id);
  if (slot === undefined) {
    slot = slots.ids.length;
    slots.index.set(id, slot);
    slots.ids.push(id);
  }
  return slot;
}

/**
 * The events of `day`: a contract turns idle when it is open and idle that day, was open and not
 * idle the day before, and its rule changed; it enters (leaves) a window it is in (was in) that
 * day and was not in (is not in) the day before. Forecast's order: by contract, then turns-idle
 * before the windows in rule-set order.
 */
function compare(
  before: DayView,
  after: DayView,
  day: Day,
  slots: Slots,
  windowNames: string[],
  out: PastEvent[],
): void {
  const unit = 2 ** slots.windows;
  after.states.forEach((now, slot) => {
    if (now < 0) return;
    const was = before.states[slot] ?? -1;
    if (was === now) return;
    const id = slots.ids[slot];
    const nowFlags = Math.floor(now / unit);
    const wasFlags = was < 0 ? -1 : Math.floor(was / unit);
    // flags: rule · 4 + idle · 2 + open
    if (
      was >= 0 &&
      nowFlags % 4 === 3 &&
      wasFlags % 4 === 1 &&
      Math.floor(nowFlags / 4) !== Math.floor(wasFlags / 4)
    )
      out.push({ day, contract: id, window: null, what: 'turns-idle' });
    const nowMask = now % unit;
    const wasMask = was < 0 ? 0 : was % unit;
    windowNames.forEach((window, k) => {
      const bit = 2 ** k;
      const inNow = Math.floor(nowMask / bit) % 2 === 1;
      const inBefore = Math.floor(wasMask / bit) % 2 === 1;
      if (inNow && !inBefore) out.push({ day, contract: id, window, what: 'enters' });
      else if (!inNow && inBefore) out.push({ day, contract: id, window, what: 'leaves' });
    });
  });
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return a.shown === b.shown && a.jss === b.jss && a.score === b.score && a.window === b.window;
}
