import type { CountedOutcome } from './classify.js';
import { addMonths, type Day, toIso } from './dates.js';
import { isAverageWindow, type MonthWindow, type RuleSet } from './types.js';

/**
 * Weights are summed as whole millionths, so totals are exact and do not depend on the order in
 * which contracts are added or removed (scenarios and forecasts add and remove them).
 */
const UNIT = 1_000_000;

export interface Totals {
  success: number;
  neutral: number;
  negative: number;
  outcomes: number;
  /** Counted contracts per client, so a client can be removed again. */
  clients: Map<string, number>;
}

export function emptyTotals(): Totals {
  return { success: 0, neutral: 0, negative: 0, outcomes: 0, clients: new Map() };
}

export function cloneTotals(t: Totals): Totals {
  return { ...t, clients: new Map(t.clients) };
}

/** Adds (sign 1) or removes (sign −1) one counted contract. */
export function addCounted(
  t: Totals,
  outcome: CountedOutcome,
  weight: number,
  client: string,
  sign: 1 | -1,
): void {
  const units = sign * Math.round(weight * UNIT);
  // A switch, not t[outcome]: this runs for every contract in every window, and a computed key
  // is several times slower here.
  switch (outcome) {
    case 'success':
      t.success += units;
      break;
    case 'neutral':
      t.neutral += units;
      break;
    default:
      t.negative += units;
  }
  t.outcomes += sign;
  const n = (t.clients.get(client) ?? 0) + sign;
  if (n === 0) t.clients.delete(client);
  else t.clients.set(client, n);
}

export function monthWindows(rules: RuleSet): MonthWindow[] {
  return rules.windows.filter((w): w is MonthWindow => !isAverageWindow(w));
}

/** The first day inside an M-month window that ends on `day`. */
export function windowStart(day: Day, months: number): Day {
  return addMonths(day, -months);
}

/** The first evaluation day on which a contract counted from `countDay` is out of the window. */
export function leavesWindow(countDay: Day, months: number): Day {
  let day = addMonths(countDay, months);
  while (windowStart(day, months) <= countDay) day++;
  return day;
}

export interface WindowResult {
  name: string;
  from: string | null;
  eligible: boolean;
  score: number | null;
  success: number | null;
  neutral: number | null;
  negative: number | null;
  total: number | null;
  outcomes: number | null;
  clients: number | null;
}

export interface Selection {
  shown: boolean;
  jss: number | null;
  score: number | null;
  window: string | null;
}

export function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

export interface Scores {
  score: (number | null)[];
  eligible: boolean[];
}

/** Each window's score and eligibility, in rule-set order (average windows from their parts). */
export function scoresOf(rules: RuleSet, totals: ReadonlyMap<string, Totals>): Scores {
  const score: (number | null)[] = [];
  const eligible: boolean[] = [];
  const index = new Map<string, number>();
  rules.windows.forEach((w, i) => {
    index.set(w.name, i);
    if (isAverageWindow(w)) {
      const parts = w.average.map((name) => index.get(name) as number);
      const partScores = parts.map((k) => score[k]);
      score.push(
        partScores.some((x) => x === null)
          ? null
          : round9((partScores as number[]).reduce((a, b) => a + b, 0) / partScores.length),
      );
      eligible.push(parts.every((k) => eligible[k]));
      return;
    }
    const t = totals.get(w.name) ?? emptyTotals();
    const total = t.success + t.neutral + t.negative;
    const good = rules.formula === 'net' ? Math.max(0, t.success - t.negative) : t.success;
    score.push(total === 0 ? null : round9((100 * good) / total));
    eligible.push(
      t.outcomes >= rules.eligibility.minOutcomes && t.clients.size >= rules.eligibility.minClients,
    );
  });
  return { score, eligible };
}

/**
 * The shown JSS from per month-window totals: the best eligible displayed window (ties: the first
 * in rule-set order), if the `shownWhen` window is eligible. The cheap path for what-ifs,
 * forecasts and plans, which need only this.
 */
export function selectionOf(rules: RuleSet, totals: ReadonlyMap<string, Totals>): Selection {
  return select(rules, scoresOf(rules, totals));
}

/** Scores every window of the rule set from its totals (keyed by month-window name) and picks the JSS. */
export function scoreWindows(
  rules: RuleSet,
  day: Day,
  totals: ReadonlyMap<string, Totals>,
): { windows: WindowResult[]; selection: Selection } {
  const scores = scoresOf(rules, totals);
  const windows = rules.windows.map((w, i): WindowResult => {
    const base = { name: w.name, eligible: scores.eligible[i], score: scores.score[i] };
    if (isAverageWindow(w)) {
      return {
        ...base,
        from: null,
        success: null,
        neutral: null,
        negative: null,
        total: null,
        outcomes: null,
        clients: null,
      };
    }
    const t = totals.get(w.name) ?? emptyTotals();
    return {
      ...base,
      from: toIso(windowStart(day, w.months)),
      success: t.success / UNIT,
      neutral: t.neutral / UNIT,
      negative: t.negative / UNIT,
      total: (t.success + t.neutral + t.negative) / UNIT,
      outcomes: t.outcomes,
      clients: t.clients.size,
    };
  });
  return { windows, selection: select(rules, scores) };
}

/** The shown JSS from every window's score and eligibility (`scoresOf`). */
export function select(rules: RuleSet, scores: Scores): Selection {
  const none: Selection = { shown: false, jss: null, score: null, window: null };
  const shownAt = rules.windows.findIndex((w) => w.name === rules.shownWhen.window);
  if (!scores.eligible[shownAt]) return none;
  let best = -1;
  rules.windows.forEach((w, i) => {
    const score = scores.score[i];
    if (w.display === false || !scores.eligible[i] || score === null) return;
    if (best === -1 || score > (scores.score[best] as number)) best = i;
  });
  if (best === -1) return none;
  const score = scores.score[best] as number;
  return {
    shown: true,
    jss: rules.rounding === 'floor' ? Math.floor(score) : Math.round(score),
    score,
    window: rules.windows[best].name,
  };
}

/** Whether the JSS reaches a threshold; a JSS that is not shown reaches nothing. */
export function reaches(jss: number | null, threshold: number): boolean {
  return jss !== null && jss >= threshold;
}
