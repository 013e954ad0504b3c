import type { CountedOutcome } from './classify.js';
import { addMonths, type Day, toIso } from './dates.js';
import { isAverageWindow, type MonthWindow, type RuleSet } from './types.js';

/**
 * Weights are summed as whole millionths, so totals are exact and do not depend on the order in
 * which contracts are added or removed (scenarios and forecasts add and remove them).
 */
const UNIT = 1_000_000;

/**
 * One month window's counted contracts. Clients are numbers: a history's `clientIndex`es
 * (`ContractFacts`), which number its clients 0, 1, 2, … in the order they first appear.
 */
export interface Totals {
  success: number;
  neutral: number;
  negative: number;
  outcomes: number;
  /** Clients with at least one counted contract. */
  clients: number;
  /** Counted contracts per client number, so a client can be removed again (grows as needed). */
  perClient: Int32Array;
}

/** Totals with nothing counted; `clientCount` (the clients' numbers are below it) saves growing. */
export function emptyTotals(clientCount = 0): Totals {
  return {
    success: 0,
    neutral: 0,
    negative: 0,
    outcomes: 0,
    clients: 0,
    perClient: new Int32Array(clientCount),
  };
}

export function cloneTotals(t: Totals): Totals {
  return { ...t, perClient: t.perClient.slice() };
}

/** Empty totals for each month window of `rules` (in `monthWindows(rules)` order). */
export function emptyWindowTotals(rules: RuleSet, clientCount = 0): Totals[] {
  return monthWindows(rules).map(() => emptyTotals(clientCount));
}

/** A weight in the whole millionths totals are kept in. */
export function weightUnits(weight: number): number {
  return Math.round(weight * UNIT);
}

/** Adds (sign 1) or removes (sign −1) one counted contract. */
export function addCounted(
  t: Totals,
  outcome: CountedOutcome,
  weight: number,
  client: number,
  sign: 1 | -1,
): void {
  addUnits(t, outcome, Math.round(weight * UNIT), client, sign);
}

/** `addCounted` with the weight already in whole millionths (`weightUnits`). */
export function addUnits(
  t: Totals,
  outcome: CountedOutcome,
  units: number,
  client: number,
  sign: 1 | -1,
): void {
  // A switch, not t[outcome]: this runs for every contract in every window, and a computed key
  // is several times slower here.
  switch (outcome) {
    case 'success':
      t.success += sign * units;
      break;
    case 'neutral':
      t.neutral += sign * units;
      break;
    default:
      t.negative += sign * units;
  }
  t.outcomes += sign;
  countClient(t, client, sign);
}

/** Adds `n` counted contracts of `client` to the client counts (negative: removes them). */
export function countClient(t: Totals, client: number, n: number): void {
  let perClient = t.perClient;
  if (client >= perClient.length) {
    perClient = new Int32Array(Math.max(client + 1, 2 * perClient.length));
    perClient.set(t.perClient);
    t.perClient = perClient;
  }
  const before = perClient[client];
  perClient[client] = before + n;
  if (before === 0 && n !== 0) t.clients++;
  else if (before !== 0 && before + n === 0) t.clients--;
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

/**
 * Where each window of a rule set finds its figures, worked out once per rule set: a month
 * window's index among the month windows (the index of its totals), an average window's parts.
 */
interface WindowLayout {
  /** Per window, in rule-set order: its index in `monthWindows(rules)`; −1 for an average window. */
  monthIndex: number[];
  /** Per window, in rule-set order: the rule-set indices of an average window's parts, else []. */
  parts: number[][];
  /** The rule-set index of the `shownWhen` window. */
  shownAt: number;
}

const layouts = new WeakMap<RuleSet, WindowLayout>();

function layoutOf(rules: RuleSet): WindowLayout {
  let layout = layouts.get(rules);
  if (layout) return layout;
  const index = new Map(rules.windows.map((w, i) => [w.name, i]));
  const monthIndex: number[] = [];
  const parts: number[][] = [];
  let months = 0;
  for (const w of rules.windows) {
    const average = isAverageWindow(w);
    monthIndex.push(average ? -1 : months++);
    parts.push(average ? w.average.map((name) => index.get(name) ?? -1) : []);
  }
  const shownAt = rules.windows.findIndex((w) => w.name === rules.shownWhen.window);
  layout = { monthIndex, parts, shownAt };
  layouts.set(rules, layout);
  return layout;
}

/**
 * Each window's score and eligibility, in rule-set order, from the month windows' totals (in
 * `monthWindows(rules)` order); an average window's from its parts.
 */
export function scoresOf(rules: RuleSet, totals: readonly Totals[]): Scores {
  const { monthIndex, parts } = layoutOf(rules);
  const { minOutcomes, minClients } = rules.eligibility;
  const count = rules.windows.length;
  const score: (number | null)[] = new Array(count);
  const eligible: boolean[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const m = monthIndex[i];
    if (m >= 0) {
      const t = totals[m];
      const total = t.success + t.neutral + t.negative;
      const good = rules.formula === 'net' ? Math.max(0, t.success - t.negative) : t.success;
      score[i] = total === 0 ? null : round9((100 * good) / total);
      eligible[i] = t.outcomes >= minOutcomes && t.clients >= minClients;
    } else {
      score[i] = averageOf(parts[i], score);
      eligible[i] = parts[i].every((k) => eligible[k]);
    }
  }
  return { score, eligible };
}

/** The mean of the parts' scores; null when any part has none. */
function averageOf(parts: readonly number[], score: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const k of parts) {
    const x = score[k];
    if (x === null) return null;
    sum += x;
  }
  return round9(sum / parts.length);
}

/**
 * The shown JSS from per month-window totals: the best eligible displayed window (ties: the first
 * in rule-set order), if the `shownWhen` window is eligible. The cheap path for what-ifs,
 * forecasts and plans, which need only this.
 */
export function selectionOf(rules: RuleSet, totals: readonly Totals[]): Selection {
  return select(rules, scoresOf(rules, totals));
}

/** Scores every window of the rule set from the month windows' totals and picks the JSS. */
export function scoreWindows(
  rules: RuleSet,
  day: Day,
  totals: readonly Totals[],
): { windows: WindowResult[]; selection: Selection } {
  const scores = scoresOf(rules, totals);
  const { monthIndex } = layoutOf(rules);
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
    const t = totals[monthIndex[i]];
    return {
      ...base,
      from: toIso(windowStart(day, w.months)),
      success: t.success / UNIT,
      neutral: t.neutral / UNIT,
      negative: t.negative / UNIT,
      total: (t.success + t.neutral + t.negative) / UNIT,
      outcomes: t.outcomes,
      clients: t.clients,
    };
  });
  return { windows, selection: select(rules, scores) };
}

/** The shown JSS from every window's score and eligibility (`scoresOf`). */
export function select(rules: RuleSet, scores: Scores): Selection {
  const none: Selection = { shown: false, jss: null, score: null, window: null };
  if (!scores.eligible[layoutOf(rules).shownAt]) return none;
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < rules.windows.length; i++) {
    const score = scores.score[i];
    if (rules.windows[i].display === false || !scores.eligible[i] || score === null) continue;
    if (best === -1 || score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best === -1) return none;
  return {
    shown: true,
    jss: rules.rounding === 'floor' ? Math.floor(bestScore) : Math.round(bestScore),
    score: bestScore,
    window: rules.windows[best].name,
  };
}

/** Whether the JSS reaches a threshold; a JSS that is not shown reaches nothing. */
export function reaches(jss: number | null, threshold: number): boolean {
  return jss !== null && jss >= threshold;
}
