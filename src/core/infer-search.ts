import type { CountedOutcome } from './classify.js';
import { isAverageWindow, type Outcome, type RuleSet } from './types.js';
import { round9 } from './windows.js';

/**
 * The exact search behind `jss infer` (DESIGN §8), on a problem reduced to numbers: the days that
 * matter (observations and the evaluation date), each month window's totals from the contracts
 * whose facts are all known, and for each contract with a hidden fact the distinct *options* its
 * values give: the outcome it counts with on each day, its outcome and verdicts on its end day.
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
 *
 * Bounds: on each day, each window's score is bounded over the options still open by picking, per
 * contract, the outcome that raises it most (success, then not counted, then neutral, then
 * negative) or lowers it most (the reverse): with ratios of at most 1, that choice is optimal for
 * every choice of the others, so each bound is attained (ignoring eligibility, which is bounded by
 * counting what surely / possibly counts, clients included).
 */

/** Outcome on a day as a bit: success 1, neutral 2, negative 4, not counted 8. */
const SUCCESS = 1;
const NEUTRAL = 2;
const NEGATIVE = 4;
const NONE = 8;

export function outcomeBit(outcome: CountedOutcome | null): number {
  if (outcome === 'success') return SUCCESS;
  if (outcome === 'neutral') return NEUTRAL;
  if (outcome === 'negative') return NEGATIVE;
  return NONE;
}

/** Month-window totals in whole millionths of weight. */
export interface FixedTotals {
  success: number;
  neutral: number;
  negative: number;
  outcomes: number;
  /** Client numbers of the counted contracts. */
  clients: number[];
}

export interface SearchDay {
  /** The observed JSS (null: no score shown); undefined when the day is not an observation. */
  observed?: number | null;
  /** Per month window (rule-set order of the month windows): totals of the contracts not searched. */
  fixed: FixedTotals[];
}

export interface SearchOption {
  /** Per day: the outcome the contract counts with in the windows it is in that day (null: none). */
  perDay: (CountedOutcome | null)[];
  /** The outcome on its end day, which `explanations` compare with the file's reading. */
  endOutcome: Outcome;
  /** Indices into the contract's `verdicts` that values of this option give. */
  verdicts: number[];
}

export interface SearchVar {
  client: number;
  /** Weight in whole millionths. */
  weight: number;
  /** Per day, per month window: whether the contract is in that window that day (when counted). */
  member: boolean[][];
  options: SearchOption[];
  /** The option of the file's own reading. */
  fileOption: number;
  /** Distinct verdicts, in classify-table order. */
  verdicts: { rule: string; outcome: Outcome }[];
}

export interface SearchProblem {
  rules: RuleSet;
  days: SearchDay[];
  vars: SearchVar[];
  /** How many distinct client numbers there are. */
  clients: number;
}

/** `null` stands for "no score shown" and ranks below 0. */
export type Jss = number | null;

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

/** JSS as a rank: null (no score) below 0. */
function rankOfJss(jss: Jss): number {
  return jss === null ? -1 : jss;
}
/** The JSS a rank stands for: below 0 is null (no score). */
function jssOfRank(r: number): Jss {
  return r < 0 ? null : r;
}

/** Per 4-bit outcome set: what the max / min bound picks, and whether it surely / possibly counts. */
const MAX_PICK: number[] = [];
const MIN_PICK: number[] = [];
for (let m = 0; m < 16; m++) {
  MAX_PICK.push(
    m & SUCCESS ? SUCCESS : m & NONE ? NONE : m & NEUTRAL ? NEUTRAL : m & NEGATIVE ? NEGATIVE : 0,
  );
  MIN_PICK.push(
    m & NEGATIVE ? NEGATIVE : m & NEUTRAL ? NEUTRAL : m & NONE ? NONE : m & SUCCESS ? SUCCESS : 0,
  );
}

/** Running bound sums of one window on one day. */
class WindowBoundSums {
  maxS = 0;
  maxN = 0;
  maxT = 0;
  minS = 0;
  minN = 0;
  minT = 0;
  sure = 0;
  poss = 0;
  sureClients: Int32Array;
  possClients: Int32Array;
  sureDistinct = 0;
  possDistinct = 0;
  constructor(clients: number) {
    this.sureClients = new Int32Array(clients);
    this.possClients = new Int32Array(clients);
  }
  add(mask: number, weight: number, client: number, sign: number): void {
    const hi = MAX_PICK[mask];
    if (hi === SUCCESS) {
      this.maxS += sign * weight;
      this.maxT += sign * weight;
    } else if (hi === NEUTRAL) this.maxT += sign * weight;
    else if (hi === NEGATIVE) {
      this.maxN += sign * weight;
      this.maxT += sign * weight;
    }
    const lo = MIN_PICK[mask];
    if (lo === SUCCESS) {
      this.minS += sign * weight;
      this.minT += sign * weight;
    } else if (lo === NEUTRAL) this.minT += sign * weight;
    else if (lo === NEGATIVE) {
      this.minN += sign * weight;
      this.minT += sign * weight;
    }
    if ((mask & NONE) === 0) {
      this.sure += sign;
      const before = this.sureClients[client];
      this.sureClients[client] = before + sign;
      if (before === 0 && sign > 0) this.sureDistinct++;
      else if (before === 1 && sign < 0) this.sureDistinct--;
    }
    if ((mask & (SUCCESS | NEUTRAL | NEGATIVE)) !== 0) {
      this.poss += sign;
      const before = this.possClients[client];
      this.possClients[client] = before + sign;
      if (before === 0 && sign > 0) this.possDistinct++;
      else if (before === 1 && sign < 0) this.possDistinct--;
    }
  }
}

/** The JSS bounds of every day, kept up to date as options are ruled in and out. */
class Bounds {
  private readonly aggs: WindowBoundSums[][];
  private readonly masks: number[][];
  readonly domains: number[][];
  private readonly shownAt: number;
  /** Per window of the rule set, reused by every `dayBounds` call. */
  private readonly scratch: {
    lo: Float64Array;
    hi: Float64Array;
    flags: Uint8Array;
    windows: { month: number; parts?: number[]; display: boolean }[];
  };
  constructor(private readonly p: SearchProblem) {
    const { windows } = p.rules;
    const months = windows.filter((w) => !isAverageWindow(w));
    this.scratch = {
      lo: new Float64Array(windows.length),
      hi: new Float64Array(windows.length),
      flags: new Uint8Array(windows.length),
      windows: windows.map((w) => ({
        month: isAverageWindow(w) ? -1 : months.indexOf(w),
        parts: isAverageWindow(w)
          ? w.average.map((name) => windows.findIndex((x) => x.name === name))
          : undefined,
        display: w.display !== false,
      })),
    };
    this.shownAt = windows.findIndex((w) => w.name === p.rules.shownWhen.window);
    this.aggs = p.days.map((day) =>
      day.fixed.map((t) => {
        const a = new WindowBoundSums(p.clients);
        a.maxS = a.minS = t.success;
        a.maxN = a.minN = t.negative;
        a.maxT = a.minT = t.success + t.neutral + t.negative;
        a.sure = a.poss = t.outcomes;
        for (const c of t.clients) {
          if (a.sureClients[c]++ === 0) a.sureDistinct++;
          if (a.possClients[c]++ === 0) a.possDistinct++;
        }
        return a;
      }),
    );
    this.domains = p.vars.map((v) => v.options.map((_, k) => k));
    this.masks = p.vars.map((_, i) => this.masksOf(i, this.domains[i]));
    p.vars.forEach((_, i) => {
      this.apply(i, this.masks[i], 1);
    });
  }

  private masksOf(i: number, domain: readonly number[]): number[] {
    const v = this.p.vars[i];
    return this.p.days.map((_, d) => {
      let m = 0;
      for (const k of domain) m |= outcomeBit(v.options[k].perDay[d]);
      return m;
    });
  }

  private apply(i: number, masks: readonly number[], sign: number): void {
    const v = this.p.vars[i];
    for (let d = 0; d < masks.length; d++) {
      const member = v.member[d];
      const aggs = this.aggs[d];
      for (let w = 0; w < member.length; w++) if (member[w]) aggs[w].add(masks[d], v.weight, v.client, sign);
    }
  }

  /** Restricts var i to `domain`; returns the previous domain, for `restore`. */
  set(i: number, domain: number[]): number[] {
    const old = this.domains[i];
    const masks = this.masksOf(i, domain);
    this.apply(i, this.masks[i], -1);
    this.apply(i, masks, 1);
    this.masks[i] = masks;
    this.domains[i] = domain;
    return old;
  }

  restore(i: number, domain: number[]): void {
    this.set(i, domain);
  }

  /** The score of a window, NaN when nothing counts (the engine's null). */
  private score(good: number, total: number): number {
    return total === 0 ? Number.NaN : round9((100 * good) / total);
  }

  private jss(score: number): number {
    return this.p.rules.rounding === 'floor' ? Math.floor(score) : Math.round(score);
  }

  /** Lowest and highest JSS rank on day d over the options still open. */
  dayBounds(d: number): [number, number] {
    const { rules } = this.p;
    const net = rules.formula === 'net';
    const { minOutcomes, minClients } = rules.eligibility;
    const { lo, hi, flags, windows } = this.scratch;
    // Per window: lo / hi score (NaN: none), and flags (bits below).
    for (let k = 0; k < windows.length; k++) {
      const w = windows[k];
      if (w.parts !== undefined) {
        let loSum = 0;
        let hiSum = 0;
        let f = SURE_ELIGIBLE | POSS_ELIGIBLE | SURE_SCORED | POSS_SCORED;
        for (const part of w.parts) {
          loSum += lo[part];
          hiSum += hi[part];
          f &= flags[part];
        }
        // NaN (a part without a score) stays NaN, as a null part makes the average null.
        lo[k] = round9(loSum / w.parts.length);
        hi[k] = round9(hiSum / w.parts.length);
        flags[k] = f;
        continue;
      }
      const a = this.aggs[d][w.month];
      let high = this.score(net ? Math.max(0, a.maxS - a.maxN) : a.maxS, a.maxT);
      // Nothing counted at the max, but something may count: it can only score 0 then.
      if (Number.isNaN(high) && a.poss > 0) high = 0;
      hi[k] = high;
      lo[k] = a.sure > 0 ? this.score(net ? Math.max(0, a.minS - a.minN) : a.minS, a.minT) : Number.NaN;
      flags[k] =
        (a.sure >= minOutcomes && a.sureDistinct >= minClients ? SURE_ELIGIBLE : 0) |
        (a.poss >= minOutcomes && a.possDistinct >= minClients ? POSS_ELIGIBLE : 0) |
        (a.sure > 0 ? SURE_SCORED : 0) |
        (a.poss > 0 ? POSS_SCORED : 0);
    }
    let low = -1;
    let high = -1;
    const shown = flags[this.shownAt];
    for (let k = 0; k < windows.length; k++) {
      if (!windows[k].display) continue;
      const f = flags[k];
      if (shown & POSS_ELIGIBLE && f & POSS_ELIGIBLE && f & POSS_SCORED && !Number.isNaN(hi[k]))
        high = Math.max(high, this.jss(hi[k]));
      if (shown & SURE_ELIGIBLE && f & SURE_ELIGIBLE && f & SURE_SCORED && !Number.isNaN(lo[k]))
        low = Math.max(low, this.jss(lo[k]));
    }
    return [low, high];
  }
}

const SURE_ELIGIBLE = 1;
const POSS_ELIGIBLE = 2;
const SURE_SCORED = 4;
const POSS_SCORED = 8;

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
