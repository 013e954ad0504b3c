import { counts, isIdle } from './classify.js';
import { type Day, toDay, toIso } from './dates.js';
import { type Prepared, stateAt } from './evaluate.js';
import { type ContractFacts, computeFacts, contractWeight } from './facts.js';
import { proratedCents, rewindHistory } from './rewind.js';
import { buildTimeline, type ChangePoint, type EventKind, memoLeavesWindow } from './timeline.js';
import type { Contract, History, Outcome, RuleSet } from './types.js';
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

/** What a day says about one contract, for comparing it with the day before. */
interface ContractDay {
  open: boolean;
  idle: boolean;
  rule: string;
  outcome: Outcome;
  /** In each month window of the rule set (rule-set order) that day. */
  windows: boolean[];
}

interface DayView {
  selection: Selection;
  /** By contract id, in the history's order. */
  contracts: Map<string, ContractDay>;
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
  changes: ChangePoint[];
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
  atEvaluation: Prepared,
): Past {
  const evaluation = atEvaluation.asOf;
  const selections: Selection[] = [];
  const changes: ChangePoint[] = [];
  const events: PastEvent[] = [];
  const windowNames = monthWindows(rules).map((w) => w.name);
  const changing = changeDays(history, from, evaluation, fixedAt);
  // Rewinding shares the contracts that did not change: their facts are computed once.
  const cache = new WeakMap<Contract, ContractFacts>();
  const prepareDay = (day: Day): Prepared => {
    const rewound = rewindHistory(history, toIso(day), fixedAt).history;
    const { facts, warnings } = computeFacts(rewound.contracts, rules, day, cache);
    return { history: rewound, rules, asOf: day, facts, warnings };
  };
  const leaving = memoLeavesWindow();
  let previous: DayView | undefined;
  /** Records a fully evaluated day, compared with the day before. */
  const see = (view: DayView, day: Day) => {
    if (!previous || !sameSelection(previous.selection, view.selection))
      changes.push({ day, selection: view.selection });
    if (previous) compare(previous, view, day, windowNames, events);
  };
  for (let day = from; day < evaluation; ) {
    const prepared = prepareDay(day);
    const view = viewOf(prepared, day);
    see(view, day);
    selections.push(view.selection);
    // The run of days that stand as `day` did: up to the next start, end or payment (or the
    // first or last payment day of a contract paid pro rata), and no further than its pro-rated
    // contracts keep the facts they have on `day`.
    const same = sameAsFrom(prepared, day, history, fixedAt, rules);
    let next = day + 1;
    while (next < evaluation && !changing[next - from] && same(next)) next++;
    if (next === day + 1) {
      previous = view;
    } else {
      // Until the next change, the history stands as it did on `day`: held as it is, like a
      // forecast from that day, whose timeline gives each day's selection and events.
      const timeline = buildTimeline(prepared, next - 1, { events: true, leaving });
      let k = 0;
      for (let d = day + 1; d < next; d++) {
        while (k + 1 < timeline.changes.length && timeline.changes[k + 1].day <= d) k++;
        selections.push(timeline.changes[k].selection);
      }
      changes.push(...timeline.changes.slice(1));
      for (const e of timeline.events) {
        events.push({
          day: e.day,
          contract: prepared.facts[e.contract].contract.id,
          window: e.window,
          what: e.what,
        });
      }
      previous = viewOf(prepared, next - 1);
    }
    day = next;
  }
  see(viewOf(atEvaluation, evaluation), evaluation);
  return { selections, changes, events };
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
      mark(toDay(c.lastPayment ?? (c.status === 'ended' ? (c.end as string) : fixedAt)));
    }
  }
  return changing;
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
  prepared: Prepared,
  day: Day,
  history: History,
  fixedAt: string,
  rules: RuleSet,
): (d: Day) => boolean {
  const iso = toIso(day);
  const prorated = history.contracts.flatMap((c) => {
    if (c.earnings <= 0 || (c.payments && c.payments.length > 0) || c.start > iso) return [];
    if (c.status === 'ended' && (c.end as string) <= iso) return [];
    const stillOpen = c.status !== 'ended';
    const first = toDay(c.firstPayment ?? c.start);
    const last = toDay(c.lastPayment ?? (stillOpen ? fixedAt : (c.end as string)));
    if (day < first || day >= last) return [];
    return [{ c, stillOpen, first, last }];
  });
  if (prorated.length === 0) return () => true;
  const ranges = rules.classify.flatMap((r) =>
    r.when.earnings !== undefined && r.when.earnings !== 'unknown' ? [r.when.earnings] : [],
  );
  const shortest = Math.min(...monthWindows(rules).map((w) => w.months));
  // Each client's payment span without its pro-rated contracts (the same on every day of the run).
  const proratedIds = new Set(prorated.map((p) => p.c.id));
  const spans = new Map<string, { first: Day; last: Day }>();
  for (const f of prepared.facts) {
    if (f.firstPayment === undefined || f.lastPayment === undefined || proratedIds.has(f.contract.id))
      continue;
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

function viewOf(prepared: Prepared, day: Day): DayView {
  const state = stateAt(prepared, day);
  const starts = monthWindows(prepared.rules).map((w) => windowStart(day, w.months));
  const contracts = new Map<string, ContractDay>();
  prepared.facts.forEach((f, i) => {
    const c = state.classes[i];
    const countDay = c.countDay;
    const counted = countDay !== undefined && countDay <= day && counts(c.outcome);
    contracts.set(f.contract.id, {
      open: f.open,
      idle: isIdle(f, day),
      rule: c.rule.name,
      outcome: c.outcome,
      windows: starts.map((start) => counted && countDay >= start),
    });
  });
  return { selection: selectionOf(prepared.rules, state.totals), contracts };
}

/**
 * The events of `day`: a contract turns idle when it is open and idle that day, was open and not
 * idle the day before, and its rule or outcome changed; it enters (leaves) a window it is in (was
 * in) that day and was not in (is not in) the day before. Forecast's order: by contract, then
 * turns-idle before the windows in rule-set order.
 */
function compare(before: DayView, after: DayView, day: Day, windowNames: string[], out: PastEvent[]): void {
  for (const [id, now] of after.contracts) {
    const was = before.contracts.get(id);
    if (
      was &&
      now.open &&
      now.idle &&
      was.open &&
      !was.idle &&
      (was.rule !== now.rule || was.outcome !== now.outcome)
    ) {
      out.push({ day, contract: id, window: null, what: 'turns-idle' });
    }
    windowNames.forEach((window, k) => {
      const inBefore = was?.windows[k] ?? false;
      if (now.windows[k] && !inBefore) out.push({ day, contract: id, window, what: 'enters' });
      else if (!now.windows[k] && inBefore) out.push({ day, contract: id, window, what: 'leaves' });
    });
  }
}

export function sameSelection(a: Selection, b: Selection): boolean {
  return a.shown === b.shown && a.jss === b.jss && a.score === b.score && a.window === b.window;
}
