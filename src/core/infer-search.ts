import { Bounds } from './infer-bounds.js';
import {
  type Jss,
  NEGATIVE,
  NEUTRAL,
  NONE,
  outcomeBit,
  type SearchProblem,
  SUCCESS,
} from './infer-problem.js';
import { jssOfRank, rankOfJss } from './jss-rank.js';
import type { Outcome } from './types.js';

/**
 * The exact search behind `jss infer` (DESIGN §8): the problem of `infer-problem.ts` (the days
 * that matter, the window totals of the contracts whose facts are known, the options of each
 * contract with a hidden fact) searched for every answer §8 asks for, with the bounds of
 * `infer-bounds.ts`.
 *
 * Why a depth-first search with bounds and not a mixed-integer program (HiGHS in WebAssembly,
 * the `highs` package), chosen by measurement on this machine: `highs` is a 3.5 MB WebAssembly
 * module (69 ms to load), and one query of the size of the benchmark — 40 contracts × 4 options,
 * 24 window-days each pinned to a half-point band, fewest changes, already simplified (no
 * eligibility, no best-of-windows selection, which need big-M constraints) — took 200 ms median
 * and 2.8 s at worst over 10 random feasible instances; `infer` asks dozens of such questions
 * (every verdict, every range). This search answers the whole 40-hidden / 6-observation benchmark
 * (bench/infer.js) in about 70 ms median, 0.4 s at worst, over 10 generated histories. It is also
 * exact by construction: every bound is the real scoring formula on sums of whole millionths, so
 * a bound at a leaf is the JSS itself (no LP tolerance decides a boundary such as 87.5), and one
 * consistent reading found (a witness) settles every verdict it uses.
 */

export interface Range {
  min: Jss;
  max: Jss;
}

export interface Explanations {
  changes: number;
  /** Each set: `[var index, end outcome]`, in var order; sets in §8 order. */
  readings: [number, Outcome][][];
  more: number;
}

export type VerdictState = 'possible' | 'ruledOut' | 'unresolved';

export interface SearchResult {
  complete: boolean;
  fits: boolean | null;
  /** Per day: the lowest and highest JSS any reading gives (null when the budget ran out first). */
  ranges: (Range | null)[];
  /** Per day: the file's reading's JSS. */
  model: Jss[];
  /** Per var, per verdict. */
  verdicts: VerdictState[][];
  explanations: Explanations | null;
  /** The last day's (the evaluation date's) range over consistent readings (null when nothing fits or not settled). */
  now: Range | null;
  steps: number;
}

export const DEFAULT_BUDGET = 800_000;

class BudgetExceeded extends Error {}

const OUTCOME_ORDER: readonly Outcome[] = ['success', 'neutral', 'negative', 'excluded', 'pending'];

interface Objective {
  day: number;
  sense: 1 | -1;
}

/**
 * One search: depth-first over the vars in `order`, options in the order `prefer` gives, pruning
 * every node whose bounds exclude an observation (when `constrained`) or cannot beat the best
 * objective value found so far.
 */
class Searcher {
  steps = 0;
  constructor(
    readonly p: SearchProblem,
    readonly bounds: Bounds,
    private budget: number,
  ) {}

  private tick(): void {
    if (++this.steps > this.budget) throw new BudgetExceeded();
  }

  remaining(): number {
    return this.budget - this.steps;
  }

  /** Whether every option var i may still take counts the same on `days` (so it need not be decided). */
  homogeneous(i: number, days: readonly number[]): boolean {
    const domain = this.bounds.domains[i];
    const options = this.p.vars[i].options;
    const first = options[domain[0]].perDay;
    for (let k = 1; k < domain.length; k++) {
      const other = options[domain[k]].perDay;
      for (const d of days) if (other[d] !== first[d]) return false;
    }
    return true;
  }

  /** Whether every observation is still within its day's bounds. */
  consistent(): boolean {
    const { days } = this.p;
    for (let d = 0; d < days.length; d++) {
      const o = days[d].observed;
      if (o === undefined) continue;
      const [lo, hi] = this.bounds.dayBounds(d);
      const v = rankOfJss(o);
      if (v < lo || v > hi) return false;
    }
    return true;
  }

  /**
   * Visits leaves (complete readings) that satisfy the observations (when `constrained`); `leaf`
   * returns true to stop. With an objective, prunes subtrees that cannot beat `best()`.
   */
  run(
    order: readonly number[],
    options: {
      /** The days that matter: vars whose options all count alike on them are not decided. */
      days: readonly number[];
      constrained: boolean;
      leaf: () => boolean;
      objective?: Objective;
      best?: () => number | undefined;
      prefer?: (i: number, domain: readonly number[]) => number[];
      prune?: () => boolean;
    },
  ): boolean {
    const { bounds } = this;
    const visit = (pos: number): boolean => {
      this.tick();
      if (options.constrained && !this.consistent()) return false;
      if (options.prune?.()) return false;
      if (options.objective) {
        const best = options.best?.();
        if (best !== undefined) {
          const [lo, hi] = bounds.dayBounds(options.objective.day);
          if (options.objective.sense > 0 ? hi <= best : lo >= best) return false;
        }
      }
      while (pos < order.length && this.homogeneous(order[pos], options.days)) pos++;
      if (pos === order.length) return options.leaf();
      const i = order[pos];
      const domain = bounds.domains[i];
      const tries = options.prefer ? options.prefer(i, domain) : domain;
      for (const k of tries) {
        const old = bounds.set(i, [k]);
        const stop = visit(pos + 1);
        bounds.restore(i, old);
        if (stop) return true;
      }
      return false;
    };
    return visit(0);
  }
}

/** Answers every question of §8 about one problem, within `budget` search steps. */
export function searchReadings(p: SearchProblem, budget = DEFAULT_BUDGET): SearchResult {
  const bounds = new Bounds(p);
  const searcher = new Searcher(p, bounds, budget);
  let complete = true;
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      complete = false;
      return undefined;
    }
  };
  const order = searchOrder(p);
  const observedDays = p.days.flatMap((day, d) => (day.observed === undefined ? [] : [d]));
  const lastDay = p.days.length - 1;

  const model = fileReadingJss(p, bounds);

  // Each day's range over every reading (no observation constrains it).
  const ranges = p.days.map((_, d) => attempt(() => extreme(searcher, order, [d], d, false)) ?? null);

  // Witnesses: one consistent reading proves every (var, option) it uses.
  const witnessed = p.vars.map((v) => v.options.map(() => false));
  // Vars not decided at a leaf count alike on every observed day: each of their options fits.
  const witness = () => {
    bounds.domains.forEach((domain, i) => {
      for (const k of domain) witnessed[i][k] = true;
    });
    return true;
  };
  const feasible = () =>
    searcher.run(order, { days: observedDays, constrained: true, leaf: witness, prefer: preferFile });
  const preferFile = (i: number, domain: readonly number[]) => {
    const f = p.vars[i].fileOption;
    return domain.includes(f) ? [f, ...domain.filter((k) => k !== f)] : [...domain];
  };
  const fits = attempt(feasible) ?? null;
  const verdicts = settleVerdicts(p, fits, witnessed, (i, options) =>
    attempt(() => {
      const old = bounds.set(i, options);
      try {
        return feasible();
      } finally {
        bounds.restore(i, old);
      }
    }),
  );

  const nowDays = [...new Set([...observedDays, lastDay])];
  const now =
    fits === true ? (attempt(() => extreme(searcher, order, nowDays, lastDay, true)) ?? null) : null;
  const explanations = fits === true ? (attempt(() => explain(searcher, order, observedDays)) ?? null) : null;
  return {
    complete,
    fits,
    ranges,
    model,
    verdicts,
    explanations,
    now,
    steps: searcher.steps,
  };
}

/** The file's reading's JSS on every day. */
function fileReadingJss(p: SearchProblem, bounds: Bounds): Jss[] {
  return p.days.map((_, d) => {
    const olds = p.vars.map((v, i) => bounds.set(i, [v.fileOption]));
    const jss = jssOfRank(bounds.dayBounds(d)[0]);
    olds.forEach((old, i) => {
      bounds.restore(i, old);
    });
    return jss;
  });
}

/**
 * Each verdict of each var: possible when a consistent reading gives it (a witness, or one found
 * by `feasibleWith`, which restricts var i to the options that give it), ruled out when none can,
 * unresolved when the budget ran out first. When nothing fits, every verdict is possible.
 */
function settleVerdicts(
  p: SearchProblem,
  fits: boolean | null,
  witnessed: readonly boolean[][],
  feasibleWith: (i: number, options: number[]) => boolean | undefined,
): VerdictState[][] {
  const verdicts = p.vars.map((v) =>
    v.verdicts.map((): VerdictState => (fits === false ? 'possible' : 'unresolved')),
  );
  if (fits === false) return verdicts;
  p.vars.forEach((v, i) => {
    v.verdicts.forEach((_, j) => {
      const giving = v.options.flatMap((o, k) => (o.verdicts.includes(j) ? [k] : []));
      // Whatever was witnessed (before the budget ran out, too) is proven.
      if (giving.some((k) => witnessed[i][k])) verdicts[i][j] = 'possible';
      else if (fits === true) {
        const found = feasibleWith(i, giving);
        if (found !== undefined) verdicts[i][j] = found ? 'possible' : 'ruledOut';
      }
    });
  });
  return verdicts;
}

/**
 * Vars in the order the search decides them: those in the most windows first (they move the most
 * bounds), then the heavier, then file order.
 */
function searchOrder(p: SearchProblem): number[] {
  const reach = p.vars.map((v) => v.member.reduce((s, row) => s + row.filter(Boolean).length, 0));
  return p.vars
    .map((_, i) => i)
    .filter((i) => p.vars[i].options.length > 1)
    .sort((a, b) => reach[b] - reach[a] || p.vars[b].weight - p.vars[a].weight || a - b);
}

/** The lowest and highest JSS on day d, over every reading or every consistent one. */
function extreme(
  searcher: Searcher,
  order: readonly number[],
  days: readonly number[],
  d: number,
  constrained: boolean,
): Range | null {
  const { bounds, p } = searcher;
  const one = (sense: 1 | -1): number | undefined => {
    let best: number | undefined;
    const prefer = (i: number, domain: readonly number[]) => {
      const v = p.vars[i];
      const key = (k: number) => pickRank(outcomeBit(v.options[k].perDay[d]), sense);
      return [...domain].sort((a, b) => key(a) - key(b));
    };
    searcher.run(order, {
      days,
      constrained,
      objective: { day: d, sense },
      best: () => best,
      prefer,
      leaf: () => {
        const value = bounds.dayBounds(d)[0];
        best = value;
        // Stop when the root bound is reached: nothing can beat it.
        return false;
      },
    });
    return best;
  };
  const max = one(1);
  if (max === undefined) return null;
  // A reading reaches the highest JSS, so one reaches the lowest too.
  const min = one(-1);
  if (min === undefined) return null;
  return { min: jssOfRank(min), max: jssOfRank(max) };
}

/** How good an outcome is for raising (sense 1) or lowering (−1) a score: lower sorts first. */
function pickRank(bit: number, sense: 1 | -1): number {
  const up = [SUCCESS, NONE, NEUTRAL, NEGATIVE];
  const k = up.indexOf(bit);
  return sense > 0 ? k : -k;
}

/** The fewest changes from the file's reading and every distinct minimal set of them. */
function explain(searcher: Searcher, order: readonly number[], days: readonly number[]): Explanations {
  const { p } = searcher;
  const fileOutcome = p.vars.map((v) => v.options[v.fileOption].endOutcome);
  const changes = fewestChanges(searcher, order, days, fileOutcome);
  const sets = minimalSets(searcher, order, days, fileOutcome, changes);
  sets.sort(compareSets);
  return { changes, readings: sets.slice(0, 20), more: Math.max(0, sets.length - 20) };
}

/** The fewest vars whose end outcome differs from the file's in a consistent reading. */
function fewestChanges(
  searcher: Searcher,
  order: readonly number[],
  days: readonly number[],
  fileOutcome: readonly Outcome[],
): number {
  const { bounds, p } = searcher;
  const costOf = (i: number, k: number) => (p.vars[i].options[k].endOutcome === fileOutcome[i] ? 0 : 1);
  // Lower bound: vars that can no longer keep the file's outcome.
  const costBound = () => {
    let c = 0;
    for (let i = 0; i < p.vars.length; i++) {
      if (!bounds.domains[i].some((k) => costOf(i, k) === 0)) c++;
    }
    return c;
  };
  let best = Number.POSITIVE_INFINITY;
  const preferCheap = (i: number, domain: readonly number[]) =>
    [...domain].sort((a, b) => costOf(i, a) - costOf(i, b) || (a === p.vars[i].fileOption ? -1 : 0));
  searcher.run(order, {
    days,
    constrained: true,
    prefer: preferCheap,
    prune: () => costBound() >= best,
    leaf: () => {
      best = costBound();
      return best === 0;
    },
  });
  return best;
}

/**
 * Every distinct set of `changes` end outcomes that differ from the file's and fit the
 * observations: branch on each var's end outcome, then look for one reading inside.
 */
function minimalSets(
  searcher: Searcher,
  order: readonly number[],
  days: readonly number[],
  fileOutcome: readonly Outcome[],
  changes: number,
): [number, Outcome][][] {
  const { bounds, p } = searcher;
  const groups = p.vars.map((v) => {
    const byOutcome = new Map<Outcome, number[]>();
    v.options.forEach((o, k) => {
      const list = byOutcome.get(o.endOutcome) ?? [];
      list.push(k);
      byOutcome.set(o.endOutcome, list);
    });
    return [...byOutcome.entries()].sort((a, b) => OUTCOME_ORDER.indexOf(a[0]) - OUTCOME_ORDER.indexOf(b[0]));
  });
  const sets: [number, Outcome][][] = [];
  const chosen: (Outcome | undefined)[] = p.vars.map(() => undefined);
  // A var that counts alike on every observed day never belongs to a minimal set: its file
  // outcome fits as well as any other.
  const branchVars = p.vars
    .map((_, i) => i)
    .filter((i) => groups[i].length > 1 && !searcher.homogeneous(i, days));
  const walk = (pos: number, cost: number): void => {
    if (!searcher.consistent()) return;
    if (pos === branchVars.length) {
      if (cost !== changes) return;
      const found = searcher.run(order, { days, constrained: true, leaf: () => true });
      if (found) {
        const set: [number, Outcome][] = [];
        chosen.forEach((o, i) => {
          if (o !== undefined && o !== fileOutcome[i]) set.push([i, o]);
        });
        sets.push(set);
      }
      return;
    }
    const i = branchVars[pos];
    for (const [outcome, options] of groups[i]) {
      const extra = outcome === fileOutcome[i] ? 0 : 1;
      if (cost + extra > changes) continue;
      const old = bounds.set(i, options);
      chosen[i] = outcome;
      walk(pos + 1, cost + extra);
      chosen[i] = undefined;
      bounds.restore(i, old);
    }
  };
  walk(0, 0);
  return sets;
}

/** §8: by the list of the sets' contract positions, then by the list of their outcomes. */
export function compareSets(a: [number, Outcome][], b: [number, Outcome][]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k][0] !== b[k][0]) return a[k][0] - b[k][0];
  if (a.length !== b.length) return a.length - b.length;
  for (let k = 0; k < a.length; k++) {
    const d = OUTCOME_ORDER.indexOf(a[k][1]) - OUTCOME_ORDER.indexOf(b[k][1]);
    if (d !== 0) return d;
  }
  return 0;
}
