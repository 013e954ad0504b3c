/**
 * What observed scores reveal (DESIGN §8), computed the slow and obvious way: enumerate every
 * reading of the hidden facts, rewind the history with that reading to each observation day and
 * score it with the reference evaluator, and keep the readings that give every observed score.
 * Written from DESIGN §8 alone, to check `src/core/infer.ts`; fit only for small histories.
 *
 * The one shortcut: a contract's values are first grouped by what the reference evaluator says
 * about that contract (its rule and outcome) on every day that matters, with every other contract
 * as written — §2 decides a contract's outcome from its own fields and its client's payments, never
 * from another contract's feedback or end reason, so two values that agree there give the same
 * score on every one of those days, whatever the other contracts' values. One value per group is
 * then enough for the enumeration.
 */
import type { Contract, EndReason, Feedback, History, Outcome, RuleSet } from '../../src/core/types.js';
import { END_REASONS } from '../../src/core/types.js';
import { referenceEvaluate } from './evaluate-reference.js';
import { referenceRewind } from './rewind-reference.js';

export interface ReferenceInfer {
  fits: boolean;
  observations: {
    date: string;
    jss: number | null;
    model: number | null;
    range: { min: number | null; max: number | null };
  }[];
  hidden: { contract: string; possible: string[]; ruledOut: string[] }[];
  explanations: {
    changes: number;
    readings: { contract: string; outcome: Outcome }[][];
    more: number;
  } | null;
  now: { min: number | null; max: number | null } | null;
}

const OUTCOME_ORDER: Outcome[] = ['success', 'neutral', 'negative', 'excluded', 'pending'];

/** One value of a contract's hidden facts: the fields it sets (undefined: absent). */
interface Value {
  feedback: Feedback | undefined;
  endReason: EndReason | undefined;
}

/**
 * "for stars, every value between 1 and 5": a matcher's range is inclusive, so a star value's
 * matches change only at a range's bound; the bounds in 1..5 (and 1 and 5), and one point strictly
 * between each two neighbours, meet every combination of ranges that any value from 1 to 5 meets.
 */
function starValues(rules: RuleSet): number[] {
  const bounds = [1, 5];
  for (const r of rules.classify) {
    const p = r.when.public;
    if (p && p !== 'unknown')
      for (const b of [p.min, p.max]) if (b !== undefined && b >= 1 && b <= 5) bounds.push(b);
  }
  const sorted = [...new Set(bounds)].sort((a, b) => a - b);
  const out = [...sorted];
  for (let k = 1; k < sorted.length; k++) out.push((sorted[k - 1] + sorted[k]) / 2);
  return out;
}

const PRIVATE: (number | undefined)[] = [undefined, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The values of a contract's unknown facts, the file's reading (as written) first; [] when none is unknown. */
function valuesOf(c: Contract, rules: RuleSet): Value[] {
  // "the private rating: `feedback` is an object without `private`"
  const privateUnknown = typeof c.feedback === 'object' && c.feedback.private === undefined;
  // "the whole feedback: `feedback` is omitted"
  const feedbackUnknown = c.feedback === undefined;
  // "the end reason: `endedBy` is `client` or missing, and `endReason` is missing"
  const reasonUnknown = (c.endedBy === 'client' || c.endedBy === undefined) && c.endReason === undefined;
  if (!privateUnknown && !feedbackUnknown && !reasonUnknown) return [];
  let feedbacks: (Feedback | undefined)[] = [c.feedback];
  if (privateUnknown) {
    const f = c.feedback as { public?: number };
    feedbacks = [c.feedback, ...PRIVATE.map((p) => (p === undefined ? { ...f } : { ...f, private: p }))];
  }
  if (feedbackUnknown) {
    // "`none`, or given, with public stars none or any number from 1 to 5 and the private rating unknown as above"
    feedbacks = [undefined, 'none'];
    for (const stars of [undefined, ...starValues(rules)])
      for (const p of PRIVATE) {
        const f: { public?: number; private?: number } = {};
        if (stars !== undefined) f.public = stars;
        if (p !== undefined) f.private = p;
        feedbacks.push(f);
      }
  }
  const reasons: (EndReason | undefined)[] = reasonUnknown ? [undefined, ...END_REASONS] : [c.endReason];
  const out: Value[] = [];
  for (const feedback of feedbacks) for (const endReason of reasons) out.push({ feedback, endReason });
  return out;
}

function withValue(c: Contract, v: Value): Contract {
  const x: Contract = { ...c };
  delete x.feedback;
  delete x.endReason;
  if (v.feedback !== undefined) x.feedback = v.feedback;
  if (v.endReason !== undefined) x.endReason = v.endReason;
  return x;
}

export function referenceInfer(
  history: History,
  rules: RuleSet,
  options: {
    asOf: string;
    date: string;
    observed: { date: string; jss: number | null }[];
    /** Give up (undefined) when there are more readings to enumerate than this. */
    maxReadings?: number;
  },
): ReferenceInfer | undefined {
  const E = options.asOf;
  const T = [E, options.date].sort()[1];
  const observed = options.observed.filter((o) => o.date <= E).sort((a, b) => (a.date < b.date ? -1 : 1));
  // "every contract with an unknown fact that ended on or before the evaluation date"
  const hidden = history.contracts
    .map((c, i) => ({
      c,
      i,
      values: c.status === 'ended' && (c.end as string) <= E ? valuesOf(c, rules) : [],
    }))
    .filter((h) => h.values.length > 0);

  const evaluateOn = (h: History, day: string) =>
    referenceEvaluate(referenceRewind(h, day, T).history, rules, { asOf: day, at: day });
  const withReading = (reading: Value[]): History => ({
    ...history,
    contracts: history.contracts.map((c, i) => {
      const k = hidden.findIndex((h) => h.i === i);
      return k < 0 ? c : withValue(c, reading[k]);
    }),
  });
  const fileReading = hidden.map((h) => h.values[0]);
  const days = [...new Set([...observed.map((o) => o.date), E])].sort();

  // Group each contract's values (see the header), keeping the first of each group.
  const groups = hidden.map((h, k) => {
    const seen = new Map<string, { value: Value; verdict: { rule: string; outcome: Outcome } }>();
    // Only the contract's client's contracts: nothing else enters its facts (§2).
    const own = (x: History): History => ({
      ...x,
      contracts: x.contracts.filter((y) => y.client === h.c.client),
    });
    for (const value of h.values) {
      const reading = [...fileReading];
      reading[k] = value;
      const changed = own(withReading(reading));
      const on = (day: string) => {
        const r = evaluateOn(changed, day).contracts.find((x) => x.id === h.c.id);
        return r ? { rule: r.rule, outcome: r.outcome } : null;
      };
      // "A contract's verdict under a reading is the rule and outcome that decide it on its end date"
      const verdict = on(h.c.end as string) as { rule: string; outcome: Outcome };
      const key = JSON.stringify([verdict, ...days.map(on)]);
      if (!seen.has(key)) seen.set(key, { value, verdict });
    }
    return [...seen.values()];
  });

  const readings = groups.reduce((n, g) => n * g.length, 1);
  if (readings > (options.maxReadings ?? Number.POSITIVE_INFINITY)) return undefined;

  // A reading's JSS on a day depends only on the contracts that had ended by then: memoised on those.
  const memo = new Map<string, number | null>();
  const jssOf = (reading: Value[], day: string) => {
    const key = `${day} ${hidden.map((h, k) => ((h.c.end as string) <= day ? JSON.stringify(reading[k]) : '')).join(' ')}`;
    let jss = memo.get(key);
    if (jss === undefined) {
      jss = evaluateOn(withReading(reading), day).jss;
      memo.set(key, jss);
    }
    return jss;
  };
  const rank = (j: number | null) => (j === null ? -1 : j);
  const unrank = (r: number) => (r < 0 ? null : r);
  const ranges = observed.map(() => ({ min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY }));
  const now = { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
  const possible = hidden.map(() => new Set<string>());
  const allVerdicts = groups.map((g) => [...new Set(g.map((x) => `${x.verdict.rule}|${x.verdict.outcome}`))]);
  const fileOutcome = hidden.map((_, k) => groups[k][0].verdict.outcome);
  let fits = false;
  const diffs: { contract: number; outcome: Outcome }[][] = [];

  const choice = hidden.map(() => 0);
  while (true) {
    const reading = choice.map((g, k) => groups[k][g].value);
    const jss = days.map((d) => jssOf(reading, d));
    observed.forEach((o, n) => {
      const j = rank(jss[days.indexOf(o.date)]);
      ranges[n].min = Math.min(ranges[n].min, j);
      ranges[n].max = Math.max(ranges[n].max, j);
    });
    // "consistent when, for every observation (d, v), the history with that reading, rewound to d and evaluated on d, shows v"
    if (observed.every((o) => jss[days.indexOf(o.date)] === o.jss)) {
      fits = true;
      const j = rank(jss[days.indexOf(E)]);
      now.min = Math.min(now.min, j);
      now.max = Math.max(now.max, j);
      const diff: { contract: number; outcome: Outcome }[] = [];
      choice.forEach((g, k) => {
        const v = groups[k][g].verdict;
        possible[k].add(`${v.rule}|${v.outcome}`);
        if (v.outcome !== fileOutcome[k]) diff.push({ contract: k, outcome: v.outcome });
      });
      diffs.push(diff);
    }
    let k = 0;
    while (k < choice.length && ++choice[k] === groups[k].length) choice[k++] = 0;
    if (k === choice.length) break;
  }

  let explanations: ReferenceInfer['explanations'] = null;
  if (fits) {
    const fewest = Math.min(...diffs.map((d) => d.length));
    const distinct = new Map<string, { contract: number; outcome: Outcome }[]>();
    for (const d of diffs) if (d.length === fewest) distinct.set(JSON.stringify(d), d);
    // "sets ordered first by the list of their contracts' file positions, then by the list of their outcomes"
    const sets = [...distinct.values()].sort((a, b) => {
      for (let n = 0; n < a.length; n++)
        if (a[n].contract !== b[n].contract) return a[n].contract - b[n].contract;
      for (let n = 0; n < a.length; n++) {
        const d = OUTCOME_ORDER.indexOf(a[n].outcome) - OUTCOME_ORDER.indexOf(b[n].outcome);
        if (d !== 0) return d;
      }
      return 0;
    });
    explanations = {
      changes: fewest,
      readings: sets
        .slice(0, 20)
        .map((s) => s.map((x) => ({ contract: hidden[x.contract].c.id, outcome: x.outcome }))),
      more: Math.max(0, sets.length - 20),
    };
  }
  const fileHistory = withReading(fileReading);
  return {
    fits,
    observations: observed.map((o, n) => ({
      date: o.date,
      jss: o.jss,
      model: evaluateOn(fileHistory, o.date).jss,
      range: { min: unrank(ranges[n].min), max: unrank(ranges[n].max) },
    })),
    // "when nothing fits, all are in `possible`"
    hidden: hidden.map((h, k) => ({
      contract: h.c.id,
      possible: allVerdicts[k].filter((v) => !fits || possible[k].has(v)),
      ruledOut: allVerdicts[k].filter((v) => fits && !possible[k].has(v)),
    })),
    explanations,
    now: fits ? { min: unrank(now.min), max: unrank(now.max) } : null,
  };
}
