import { type Classification, classify } from './classify.js';
import { type Day, toDay, toIso } from './dates.js';
import { type ContractFacts, computeFacts, type FactsWarning } from './facts.js';
import type { History, Outcome, RuleSet } from './types.js';
import {
  addCounted,
  emptyWindowTotals,
  monthWindows,
  reaches,
  type Selection,
  scoreWindows,
  type Totals,
  type WindowResult,
  windowStart,
} from './windows.js';

/** A history with its per-contract facts under one rule set, ready to be evaluated on any day. */
export interface PreparedHistory {
  history: History;
  rules: RuleSet;
  /** The history's evaluation date: guessed payment dates are fixed to it. */
  asOf: Day;
  facts: ContractFacts[];
  /** How many clients the contracts have: their `clientIndex`es are below it. */
  clientCount: number;
  warnings: FactsWarning[];
}

export interface ContractResult {
  id: string;
  client: string;
  status: string;
  outcome: Outcome;
  rule: string;
  weight: number;
  countedFrom: string | null;
  windows: string[];
}

export interface Badge {
  name: string;
  min: number;
  met: boolean;
}

export interface Evaluation extends Selection {
  /** The day evaluated. */
  date: string;
  windows: WindowResult[];
  badges: Badge[];
  contracts: ContractResult[];
  warnings: FactsWarning[];
}

export function prepare(history: History, rules: RuleSet, asOf: string): PreparedHistory {
  const asOfDay = toDay(asOf);
  const { facts, warnings, clientCount } = computeFacts(history.contracts, rules, asOfDay);
  return { history, rules, asOf: asOfDay, facts, clientCount, warnings };
}

export function classifyAll(prepared: PreparedHistory, day: Day): Classification[] {
  return prepared.facts.map((f) => classify(f, prepared.rules, day));
}

/** Whether a counted contract lies in an M-month window ending on `day`. */
export function inWindow(countDay: Day, day: Day, months: number): boolean {
  return countDay <= day && countDay >= windowStart(day, months);
}

/** The first day of each month window (in `monthWindows(rules)` order) that ends on `day`. */
export function windowStarts(rules: RuleSet, day: Day): Day[] {
  return monthWindows(rules).map((w) => windowStart(day, w.months));
}

/** Per month-window totals on `day`, in `monthWindows(rules)` order (`starts`: `windowStarts`). */
export function windowTotals(
  prepared: PreparedHistory,
  day: Day,
  classes: readonly Classification[],
  starts: readonly Day[] = windowStarts(prepared.rules, day),
): Totals[] {
  const totals = emptyWindowTotals(prepared.rules, prepared.clientCount);
  const { facts } = prepared;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (c.countDay === undefined || c.countDay > day) continue;
    const f = facts[i];
    for (let k = 0; k < starts.length; k++) {
      if (c.countDay >= starts[k]) addCounted(totals[k], c.outcome, f.weight, f.clientIndex, 1);
    }
  }
  return totals;
}

/** Every contract's classification and the month-window totals on one day. */
export interface DayState {
  day: Day;
  classes: Classification[];
  /** The first day of each month window, in `monthWindows(rules)` order. */
  starts: Day[];
  /** In `monthWindows(rules)` order. */
  totals: Totals[];
}

export function stateAt(prepared: PreparedHistory, day: Day): DayState {
  const classes = classifyAll(prepared, day);
  const starts = windowStarts(prepared.rules, day);
  return { day, classes, starts, totals: windowTotals(prepared, day, classes, starts) };
}

/** The full evaluation on `day` (default: the history's evaluation date), from its state if known. */
export function evaluateAt(
  prepared: PreparedHistory,
  day: Day = prepared.asOf,
  state: DayState = stateAt(prepared, day),
): Evaluation {
  const { rules } = prepared;
  const { windows, selection } = scoreWindows(rules, day, state.totals);
  return {
    date: toIso(day),
    ...selection,
    windows,
    badges: rules.badges.map((b) => ({ name: b.name, min: b.min, met: reaches(selection.jss, b.min) })),
    contracts: contractResults(prepared, state),
    warnings: prepared.warnings,
  };
}

/**
 * Every contract's line of an evaluation. Contracts counted from the same day share that day's
 * ISO date and window list, worked out once: a large history has far fewer counting days than
 * contracts.
 */
function contractResults(prepared: PreparedHistory, state: DayState): ContractResult[] {
  const { day, classes, starts } = state;
  const names = monthWindows(prepared.rules).map((w) => w.name);
  const byCountDay = new Map<Day, { iso: string; windows: string[] }>();
  const results: ContractResult[] = new Array(classes.length);
  for (let i = 0; i < classes.length; i++) {
    const f = prepared.facts[i];
    const c = classes[i];
    let counted: { iso: string; windows: string[] } | undefined;
    if (c.countDay !== undefined) {
      counted = byCountDay.get(c.countDay);
      if (counted === undefined) {
        const countDay = c.countDay;
        const windows = countDay <= day ? names.filter((_, k) => countDay >= starts[k]) : [];
        counted = { iso: toIso(countDay), windows };
        byCountDay.set(countDay, counted);
      }
    }
    results[i] = {
      id: f.contract.id,
      client: f.contract.client,
      status: f.contract.status,
      outcome: c.outcome,
      rule: c.rule.name,
      weight: f.weight,
      countedFrom: counted ? counted.iso : null,
      windows: counted ? counted.windows : [],
    };
  }
  return results;
}

/** One-call evaluation: `asOf` is the history's evaluation date, `at` the day scored (default asOf). */
export function evaluate(
  history: History,
  rules: RuleSet,
  options: { asOf: string; at?: string },
): Evaluation {
  const prepared = prepare(history, rules, options.asOf);
  return evaluateAt(prepared, options.at !== undefined ? toDay(options.at) : prepared.asOf);
}
