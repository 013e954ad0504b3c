import { type Classification, type CountedOutcome, classify, counts, isIdle } from './classify.js';
import { type Day, toDay, toIso } from './dates.js';
import type { RulesRef } from './estimate.js';
import { type PreparedHistory, prepare, stateAt } from './evaluate.js';
import type { ContractFacts } from './facts.js';
import type { ForecastEvent } from './forecast.js';
import { contractReadings, type HiddenFacts, hiddenFacts } from './hidden-facts.js';
import type { FixedTotals, SearchDay, SearchOption, SearchVar } from './infer-problem.js';
import { DEFAULT_BUDGET, searchReadings, type VerdictState } from './infer-search.js';
import { rewindHistory } from './rewind.js';
import type { ClassifyRule, Contract, History, Observation, Outcome, RuleSet } from './types.js';
import { monthWindows, selectionOf, windowStart } from './windows.js';

/** Weights are summed as whole millionths, as in windows.ts. */
const UNIT = 1_000_000;

export interface Verdict {
  rule: string;
  outcome: Outcome;
}

export interface HiddenContractReport {
  contract: string;
  client: string;
  end: string;
  possible: Verdict[];
  ruledOut: Verdict[];
  unresolved: Verdict[];
}

export interface ObservationReport {
  date: string;
  jss: number | null;
  /** The file's reading's JSS that day. */
  model: number | null;
  /** The lowest and highest JSS any reading gives that day; null when the budget ran out first. */
  range: { min: number | null; max: number | null } | null;
}

export interface ExplanationReport {
  changes: number;
  readings: { contract: string; outcome: Outcome }[][];
  more: number;
}

export interface BetweenReport {
  from: string;
  to: string;
  events: ForecastEvent[];
}

/** The report of `jss infer` for one rule set (DESIGN §8, without the envelope). */
export interface InferReport {
  asOf: string;
  rules: RulesRef;
  fits: boolean | null;
  complete: boolean;
  observations: ObservationReport[];
  hidden: HiddenContractReport[];
  explanations: ExplanationReport | null;
  now: { min: number | null; max: number | null } | null;
  between: BetweenReport[];
}

export interface InferOptions {
  /** The evaluation date E, `YYYY-MM-DD`. */
  asOf: string;
  /** The history's date H (its `asOf`, else today); default: its `asOf`, else E. */
  date?: string;
  /** The observations to explain (the file's merged with `--observed`); default: the file's. */
  observed?: readonly Observation[];
  /** `builtin` or the rule file's path, for the report's `rules.source`. */
  rulesSource?: string;
  /** Search steps allowed (default `DEFAULT_BUDGET`); past it, what is unsettled is reported so. */
  budget?: number;
}

/** One day of the history as it stood then, under the file's reading. */
interface DayView {
  day: Day;
  prepared: PreparedHistory;
  classes: Classification[];
}

/**
 * What the observed scores reveal about the hidden facts (DESIGN §8): whether some reading fits
 * them all, the verdicts each hidden contract can and cannot have, the simplest explanations, the
 * range of each observation and of the JSS now. Observations after the evaluation date are ignored.
 */
export function infer(history: History, rules: RuleSet, options: InferOptions): InferReport {
  return inferDetailed(history, rules, options).report;
}

/** `infer`, and beside it the file's reading's JSS on the evaluation date (for text output). */
export function inferDetailed(
  history: History,
  rules: RuleSet,
  options: InferOptions,
): { report: InferReport; modelNow: number | null; fileVerdicts: Verdict[] } {
  const E = options.asOf;
  const H = options.date ?? history.asOf ?? E;
  // T of §2: guesses are fixed at the later of the evaluation date and the history's date.
  const T = [E, H].sort()[1];
  const observed = (options.observed ?? history.observed ?? [])
    .filter((o) => o.date <= E)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const viewOn = dayViewsOf(history, rules, T);
  const dayIsos = [...new Set([...observed.map((o) => o.date), E])].sort();
  const dayViews = dayIsos.map(viewOn);
  const hiddenList = hiddenContracts(history, E);
  const clients = clientNumbers();
  const hiddenIds = new Set(hiddenList.map((h) => h.contract.id));
  const observedOn = new Map(observed.map((o) => [o.date, o.jss]));
  const days = dayViews.map((v, d) => searchDay(v, rules, hiddenIds, clients.of, observedOn.get(dayIsos[d])));
  const built = hiddenList.map((h) => searchVar(h, { rules, dayViews, viewOn, clientOf: clients.of }));
  const vars = built.map((b) => b.variable);
  const result = searchReadings(
    { rules, days, vars, clients: clients.count() },
    options.budget ?? DEFAULT_BUDGET,
  );
  const modelOn = (v: DayView) => selectionOf(rules, stateAt(v.prepared, v.day).totals).jss;

  // Each observation's day is one of the days searched (dayIsos holds every observed date).
  const observations: ObservationReport[] = observed.map((o) => {
    const d = dayIsos.indexOf(o.date);
    return { date: o.date, jss: o.jss, model: modelOn(dayViews[d]), range: result.ranges[d] };
  });
  const explanations: ExplanationReport | null = result.explanations && {
    changes: result.explanations.changes,
    readings: result.explanations.readings.map((set) =>
      set.map(([k, outcome]) => ({ contract: hiddenList[k].contract.id, outcome })),
    ),
    more: result.explanations.more,
  };
  const report: InferReport = {
    asOf: E,
    rules: { name: rules.name, source: options.rulesSource ?? 'builtin' },
    fits: result.fits,
    complete: result.complete,
    observations,
    hidden: hiddenList.map((h, k) => hiddenReport(h, vars[k], result.verdicts[k])),
    explanations,
    now: result.now,
    between: observed.slice(1).map((o, k) => ({
      from: observed[k].date,
      to: o.date,
      events: eventsBetween(observed[k].date, o.date, viewOn, rules),
    })),
  };
  const modelNow = modelOn(dayViews[dayViews.length - 1]);
  return { report, modelNow, fileVerdicts: built.map((b) => b.fileVerdict) };
}

/** The history as it stood on a day (rewound, guesses fixed at T), classified that day; each day made once. */
function dayViewsOf(history: History, rules: RuleSet, T: string): (iso: string) => DayView {
  const views = new Map<string, DayView>();
  return (iso) => {
    let v = views.get(iso);
    if (!v) {
      const day = toDay(iso);
      const rewound = rewindHistory(history, iso, T).history;
      const prepared = prepare(rewound, rules, iso);
      v = { day, prepared, classes: stateAt(prepared, day).classes };
      views.set(iso, v);
    }
    return v;
  };
}

/** An ended contract with a hidden fact (DESIGN §8), ended on or before the evaluation date. */
interface HiddenContract {
  contract: Contract;
  facts: HiddenFacts;
  end: string;
}

function hiddenContracts(history: History, E: string): HiddenContract[] {
  return history.contracts.flatMap((contract) => {
    const end = contract.end;
    if (end === undefined || end > E) return [];
    const facts = hiddenFacts(contract);
    return facts ? [{ contract, facts, end }] : [];
  });
}

/** Client names to numbers 0, 1, … in the order they are first asked for. */
function clientNumbers(): { of: (name: string) => number; count: () => number } {
  const numbers = new Map<string, number>();
  return {
    of: (name) => {
      let n = numbers.get(name);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(name, n);
      }
      return n;
    },
    count: () => numbers.size,
  };
}

/**
 * One day of the search: each month window's totals of the contracts whose facts are all known
 * (every contract but the hidden ones, which the search decides), and the JSS observed that day.
 */
function searchDay(
  v: DayView,
  rules: RuleSet,
  hiddenIds: ReadonlySet<string>,
  clientOf: (name: string) => number,
  observed: number | null | undefined,
): SearchDay {
  const months = monthWindows(rules);
  const fixed: FixedTotals[] = months.map(() => ({
    success: 0,
    neutral: 0,
    negative: 0,
    outcomes: 0,
    clients: [],
  }));
  const starts = months.map((w) => windowStart(v.day, w.months));
  v.prepared.facts.forEach((f, j) => {
    const { countDay, outcome } = v.classes[j];
    if (hiddenIds.has(f.contract.id) && !f.open) return;
    if (countDay === undefined || !counts(outcome) || countDay > v.day) return;
    starts.forEach((start, w) => {
      if (countDay < start) return;
      const t = fixed[w];
      t[outcome] += Math.round(f.weight * UNIT);
      t.outcomes++;
      t.clients.push(clientOf(f.contract.client));
    });
  });
  return observed === undefined ? { fixed } : { fixed, observed };
}

interface VarContext {
  rules: RuleSet;
  dayViews: readonly DayView[];
  viewOn: (iso: string) => DayView;
  clientOf: (name: string) => number;
}

/**
 * A hidden contract as a search variable: its readings (every value of its hidden facts) grouped
 * into options by how they count on each day and their outcome on the end day, with the verdicts
 * (rule and outcome on the end day) each option gives; and the verdict of the file's own reading.
 */
function searchVar(h: HiddenContract, ctx: VarContext): { variable: SearchVar; fileVerdict: Verdict } {
  const { contract, end } = h;
  const { rules, dayViews } = ctx;
  const endView = ctx.viewOn(end);
  const factsOn = (v: DayView): ContractFacts | undefined =>
    v.prepared.facts.find((f) => f.contract.id === contract.id);
  // The history as it stood on the contract's end day has the contract: it had started.
  const endFacts = factsOn(endView);
  if (endFacts === undefined) throw new Error(`${contract.id} is missing on its end day ${end}`);
  const endDay = toDay(end);
  const perDayFacts = dayViews.map((v) => (v.day >= endDay ? factsOn(v) : undefined));
  const classifyAs = memoClassify(rules);
  const found = readingOptions(rules, contractReadings(contract, h.facts, rules), (variant) => ({
    verdict: classifyAs(endFacts, variant, endView.day),
    perDay: perDayFacts.map((f, d) => {
      if (!f) return null;
      const cls = classifyAs(f, variant, dayViews[d].day);
      return counts(cls.outcome) ? cls.outcome : null;
    }),
  }));
  const months = monthWindows(rules);
  const variable: SearchVar = {
    client: ctx.clientOf(contract.client),
    weight: Math.round(endFacts.weight * UNIT),
    member: dayViews.map((v) => months.map((w) => endDay <= v.day && endDay >= windowStart(v.day, w.months))),
    options: found.options,
    fileOption: found.fileOption,
    verdicts: found.verdicts,
  };
  return { variable, fileVerdict: found.fileVerdict };
}

/** `classify` of a contract's facts with another reading of the contract, remembered per facts and reading. */
function memoClassify(rules: RuleSet): (f: ContractFacts, variant: Contract, day: Day) => Classification {
  const memo = new Map<ContractFacts, Map<Contract, Classification>>();
  return (f, variant, day) => {
    let m = memo.get(f);
    if (!m) {
      m = new Map();
      memo.set(f, m);
    }
    let c = m.get(variant);
    if (!c) {
      c = classify({ ...f, contract: variant }, rules, day);
      m.set(variant, c);
    }
    return c;
  };
}

/**
 * The distinct options the readings give (the file's reading first among them), each with the
 * verdicts it gives as positions in the verdict list, which is in classify-table order.
 */
function readingOptions(
  rules: RuleSet,
  readings: readonly Contract[],
  judge: (variant: Contract) => { verdict: Classification; perDay: (CountedOutcome | null)[] },
): { options: SearchOption[]; fileOption: number; verdicts: Verdict[]; fileVerdict: Verdict } {
  const verdictKeys: string[] = [];
  const verdicts: { rule: ClassifyRule; outcome: Outcome }[] = [];
  const options = new Map<string, SearchOption>();
  let fileOption = -1;
  let fileVerdict = -1;
  readings.forEach((variant, k) => {
    const { verdict, perDay } = judge(variant);
    const verdictKey = `${verdict.rule.name}\u0000${verdict.outcome}`;
    let vi = verdictKeys.indexOf(verdictKey);
    if (vi < 0) {
      vi = verdictKeys.length;
      verdictKeys.push(verdictKey);
      verdicts.push({ rule: verdict.rule, outcome: verdict.outcome });
    }
    const key = `${perDay.join(',')}|${verdict.outcome}`;
    let option = options.get(key);
    if (!option) {
      option = { perDay, endOutcome: verdict.outcome, verdicts: [] };
      options.set(key, option);
    }
    if (!option.verdicts.includes(vi)) option.verdicts.push(vi);
    if (k === 0) {
      fileOption = [...options.keys()].indexOf(key);
      fileVerdict = vi;
    }
  });
  return {
    ...inTableOrder(rules, verdicts, [...options.values()]),
    fileOption,
    fileVerdict: verdictOf(verdicts[fileVerdict]),
  };
}

/** Verdicts in classify-table order; options refer to them by their new positions. */
function inTableOrder(
  rules: RuleSet,
  verdicts: readonly { rule: ClassifyRule; outcome: Outcome }[],
  options: readonly SearchOption[],
): { verdicts: Verdict[]; options: SearchOption[] } {
  const order = verdicts.map((v) => rules.classify.indexOf(v.rule));
  const sorted = verdicts.map((_, vi) => vi).sort((a, b) => order[a] - order[b]);
  const position = sorted.map((_, k) => sorted.indexOf(k));
  return {
    verdicts: sorted.map((vi) => verdictOf(verdicts[vi])),
    options: options.map((o) => ({
      ...o,
      verdicts: o.verdicts.map((vi) => position[vi]).sort((a, b) => a - b),
    })),
  };
}

function verdictOf(v: { rule: ClassifyRule; outcome: Outcome }): Verdict {
  return { rule: v.rule.name, outcome: v.outcome };
}

function hiddenReport(
  h: HiddenContract,
  v: SearchVar,
  states: readonly VerdictState[],
): HiddenContractReport {
  const report: HiddenContractReport = {
    contract: h.contract.id,
    client: h.contract.client,
    end: h.end,
    possible: [],
    ruledOut: [],
    unresolved: [],
  };
  v.verdicts.forEach((verdict, j) => {
    report[states[j]].push({ rule: verdict.rule, outcome: verdict.outcome });
  });
  return report;
}

/**
 * What changed on each day after `from` up to `to`, found by comparing the history as it stood on
 * that day with the day before: contracts entering and leaving windows, open contracts turning idle.
 * By day, then contract (file order), then turns-idle before the windows in rule-set order.
 */
function eventsBetween(
  from: string,
  to: string,
  viewOn: (iso: string) => DayView,
  rules: RuleSet,
): ForecastEvent[] {
  const months = monthWindows(rules);
  const stateOf = (v: DayView) => {
    const byId = new Map<string, { idle: boolean; windows: boolean[] }>();
    v.prepared.facts.forEach((f, j) => {
      const { countDay, outcome } = v.classes[j];
      // The day it counts from, when it is counted that day.
      const from = countDay !== undefined && counts(outcome) && countDay <= v.day ? countDay : undefined;
      byId.set(f.contract.id, {
        idle: f.open && isIdle(f, v.day),
        windows: months.map((w) => from !== undefined && from >= windowStart(v.day, w.months)),
      });
    });
    return { ids: v.prepared.facts.map((f) => f.contract.id), byId };
  };
  const events: ForecastEvent[] = [];
  let before = stateOf(viewOn(from));
  for (let day = toDay(from) + 1; day <= toDay(to); day++) {
    const iso = toIso(day);
    const now = stateOf(viewOn(iso));
    for (const id of now.ids) {
      const a = before.byId.get(id);
      const b = now.byId.get(id);
      if (!b) continue;
      if (b.idle && !a?.idle) events.push({ date: iso, contract: id, window: null, what: 'turns-idle' });
      months.forEach((w, k) => {
        const was = a?.windows[k] ?? false;
        if (b.windows[k] && !was) events.push({ date: iso, contract: id, window: w.name, what: 'enters' });
        if (!b.windows[k] && was) events.push({ date: iso, contract: id, window: w.name, what: 'leaves' });
      });
    }
    before = now;
  }
  return events;
}
