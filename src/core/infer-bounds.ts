import { NEGATIVE, NEUTRAL, NONE, outcomeBit, type SearchProblem, SUCCESS } from './infer-problem.js';
import { isAverageWindow } from './types.js';
import { round9 } from './windows.js';

/**
 * The JSS bounds of the search behind `jss infer` (`infer-search.ts`). On each day, each window's
 * score is bounded over the options still open by picking, per contract, the outcome that raises
 * it most (success, then not counted, then neutral, then negative) or lowers it most (the
 * reverse): with ratios of at most 1, that choice is optimal for every choice of the others, so
 * each bound is attained (ignoring eligibility, which is bounded by counting what surely /
 * possibly counts, clients included). Sums are whole millionths and the scoring formula is the
 * engine's, so a bound at a leaf is the JSS itself.
 */

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
export class Bounds {
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
