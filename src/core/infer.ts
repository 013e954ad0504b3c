import { type Classification, classify, counts, isIdle } from './classify.js';
import { type Day, toDay, toIso } from './dates.js';
import type { RulesRef } from './estimate.js';
import { type PreparedHistory, prepare, stateAt } from './evaluate.js';
import type { ContractFacts } from './facts.js';
import type { ForecastEvent } from './forecast.js';
import { contractReadings, hiddenFacts } from './hidden-facts.js';
import {
  DEFAULT_BUDGET,
  type FixedTotals,
  type Jss,
  type SearchDay,
  type SearchOption,
  type SearchProblem,
  type SearchVar,
  searchReadings,
} from './infer-search.js';
import { rewindHistory } from './rewind.js';
import type { Contract, History, Observation, Outcome, RuleSet } from './types.js';
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
  const views = new Map<string, DayView>();
  const viewOn = (iso: string): DayView => {
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

  const dayIsos = [...new Set([...observed.map((o) => o.date), E])].sort();
  const dayViews = dayIsos.map(viewOn);
  const hiddenIndex = history.contracts.flatMap((c, i) => {
    const facts = c.end !== undefined && c.end <= E ? hiddenFacts(c) : undefined;
    return facts ? [{ i, facts }] : [];
  });
  const hiddenIds = new Set(hiddenIndex.map(({ i }) => history.contracts[i].id));
  const clientNumber = new Map<string, number>();
  const clientOf = (name: string) => {
    let n = clientNumber.get(name);
    if (n === undefined) {
      n = clientNumber.size;
      clientNumber.set(name, n);
    }
    return n;
  };
  const months = monthWindows(rules);
  const observedOn = new Map(observed.map((o) => [o.date, o.jss]));

  const days: SearchDay[] = dayViews.map((v, d) => {
    const fixed: FixedTotals[] = months.map(() => ({
      success: 0,
      neutral: 0,
      negative: 0,
      outcomes: 0,
      clients: [],
    }));
    const starts = months.map((w) => windowStart(v.day, w.months));
    v.prepared.facts.forEach((f, j) => {
      const c = v.classes[j];
      if (hiddenIds.has(f.contract.id) && !f.open) return;
      if (c.countDay === undefined || c.countDay > v.day) return;
      months.forEach((_, w) => {
        if (c.countDay < starts[w]) return;
        const t = fixed[w];
        t[c.outcome] += Math.round(f.weight * UNIT);
        t.outcomes++;
        t.clients.push(clientOf(f.contract.client));
      });
    });
    const day: SearchDay = { fixed };
    if (observedOn.has(dayIsos[d])) day.observed = observedOn.get(dayIsos[d]) as Jss;
    return day;
  });

  const fileVerdicts: Verdict[] = [];
  const vars: SearchVar[] = hiddenIndex.map(({ i, facts }) => {
    const contract = history.contracts[i];
    const end = contract.end as string;
    const readings = contractReadings(contract, facts, rules);
    const endView = viewOn(end);
    const factsOn = (v: DayView): ContractFacts | undefined =>
      v.prepared.facts.find((f) => f.contract.id === contract.id);
    const endFacts = factsOn(endView) as ContractFacts;
    const perDayFacts = dayViews.map((v) => (v.day >= toDay(end) ? factsOn(v) : undefined));
    const verdictKeys: string[] = [];
    const verdicts: { rule: string; outcome: Outcome; order: number }[] = [];
    const options = new Map<string, SearchOption>();
    let fileOption = -1;
    let fileVerdict = -1;
    const memo = new Map<ContractFacts, Map<Contract, Classification>>();
    const classifyAs = (f: ContractFacts, variant: Contract, day: Day): Classification => {
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
    readings.forEach((variant, k) => {
      const verdict = classifyAs(endFacts, variant, endView.day);
      const verdictKey = `${verdict.rule.name}\u0000${verdict.outcome}`;
      let vi = verdictKeys.indexOf(verdictKey);
      if (vi < 0) {
        vi = verdictKeys.length;
        verdictKeys.push(verdictKey);
        verdicts.push({
          rule: verdict.rule.name,
          outcome: verdict.outcome,
          order: rules.classify.indexOf(verdict.rule),
        });
      }
      const perDay = perDayFacts.map((f, d) => {
        if (!f) return null;
        const cls = classifyAs(f, variant, dayViews[d].day);
        return counts(cls.outcome) ? cls.outcome : null;
      });
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
    // Verdicts in classify-table order; options refer to them by position.
    const sorted = verdicts.map((_, vi) => vi).sort((a, b) => verdicts[a].order - verdicts[b].order);
    const position = sorted.map((_, k) => sorted.indexOf(k));
    const optionList = [...options.values()].map((o) => ({
      ...o,
      verdicts: o.verdicts.map((vi) => position[vi]).sort((a, b) => a - b),
    }));
    const endDay = toDay(end);
    fileVerdicts.push({ rule: verdicts[fileVerdict].rule, outcome: verdicts[fileVerdict].outcome });
    return {
      client: clientOf(contract.client),
      weight: Math.round(endFacts.weight * UNIT),
      member: dayViews.map((v) =>
        months.map((w) => endDay <= v.day && endDay >= windowStart(v.day, w.months)),
      ),
      options: optionList,
      fileOption,
      verdicts: sorted.map((vi) => ({ rule: verdicts[vi].rule, outcome: verdicts[vi].outcome })),
    };
  });

  const problem: SearchProblem = { rules, days, vars, clients: clientNumber.size };
  const result = searchReadings(problem, options.budget ?? DEFAULT_BUDGET);
  const dayOf = new Map(dayIsos.map((iso, d) => [iso, d]));

  const observations: ObservationReport[] = observed.map((o) => {
    const d = dayOf.get(o.date) as number;
    const v = dayViews[d];
    return {
      date: o.date,
      jss: o.jss,
      model: selectionOf(rules, stateAt(v.prepared, v.day).totals).jss,
      range: result.ranges[d],
    };
  });
  const hidden: HiddenContractReport[] = hiddenIndex.map(({ i }, k) => {
    const c = history.contracts[i];
    const report: HiddenContractReport = {
      contract: c.id,
      client: c.client,
      end: c.end as string,
      possible: [],
      ruledOut: [],
      unresolved: [],
    };
    vars[k].verdicts.forEach((verdict, j) => {
      report[result.verdicts[k][j]].push({ rule: verdict.rule, outcome: verdict.outcome });
    });
    return report;
  });
  const explanations: ExplanationReport | null = result.explanations && {
    changes: result.explanations.changes,
    readings: result.explanations.readings.map((set) =>
      set.map(([k, outcome]) => ({ contract: history.contracts[hiddenIndex[k].i].id, outcome })),
    ),
    more: result.explanations.more,
  };
  const lastView = dayViews[dayViews.length - 1];
  const modelNow = selectionOf(rules, stateAt(lastView.prepared, lastView.day).totals).jss;
  const report: InferReport = {
    asOf: E,
    rules: { name: rules.name, source: options.rulesSource ?? 'builtin' },
    fits: result.fits,
    complete: result.complete,
    observations,
    hidden,
    explanations,
    now: result.now,
    between: observed.slice(1).map((o, k) => ({
      from: observed[k].date,
      to: o.date,
      events: eventsBetween(observed[k].date, o.date, viewOn, rules),
    })),
  };
  return { report, modelNow, fileVerdicts };
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
      const c = v.classes[j];
      const countDay = c.countDay;
      const counted = countDay !== undefined && countDay <= v.day;
      byId.set(f.contract.id, {
        idle: f.open && isIdle(f, v.day),
        windows: months.map((w) => counted && countDay >= windowStart(v.day, w.months)),
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
