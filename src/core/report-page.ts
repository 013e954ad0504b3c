import { addMonths, toDay, toIso } from './dates.js';
import { type EstimateOptions, type EstimateReport, estimateReport } from './estimate.js';
import type { PreparedHistory } from './evaluate.js';
import {
  defaultUntil,
  type ForecastReport,
  forecastWithSteps,
  type PastOptions,
  type SeriesPoint,
  type WindowScoresPoint,
} from './forecast.js';
import { type InferReport, infer } from './infer.js';
import { type Contract, isAverageWindow, type RuleSet } from './types.js';
import { round9, type WindowResult } from './windows.js';

/**
 * Everything `jss report` puts on its page, taken from the reports the other commands produce
 * (estimate, forecast): no figure on the page is computed a second way.
 */
export interface ReportPage {
  estimate: EstimateReport;
  forecast: ForecastReport;
  /** The evaluation date first, then each day on which the JSS, score or window changes. */
  steps: SeriesPoint[];
  /** The evaluation date first, then each day on which any window's score or eligibility changes. */
  windowScores: WindowScoresPoint[];
  /** The first and last day of the timeline. */
  from: string;
  until: string;
  /** What the observed scores reveal (`jss infer`); null when the history has none up to the evaluation date. */
  infer: InferReport | null;
  /** The window whose costs are shown: the JSS's window, else the one that decides whether a JSS is shown. */
  costWindow: string;
  /** Negative and neutral contracts counted in `costWindow`, the costliest first. */
  costs: ContractCost[];
  freelancer?: string;
  /** The history's contracts, in file order (titles and notes for the page). */
  contracts: Contract[];
  rules: RuleSet;
}

export interface ContractCost {
  id: string;
  outcome: 'negative' | 'neutral';
  /** The window's score without this contract minus its score now; null when it is the window's only contract. */
  points: number | null;
}

export interface ReportPageOptions {
  /** Days ahead at which scenarios are also scored (default 90). */
  horizonDays?: number;
  rulesSource?: string;
  /** The timeline's last day (default: 24 months after the evaluation date). */
  until?: string;
  /** What `againstObserved` gives, and warnings from rewinding (as `estimate` takes them). */
  observed?: EstimateOptions['observed'];
  warnings?: EstimateOptions['warnings'];
  /**
   * The past: the history as written, its date and observations. The timeline starts at `from`,
   * else the earliest observation, else 12 months before the evaluation date.
   */
  past?: Omit<PastOptions, 'from'> & { from?: string; date: string };
}

export function reportPage(prepared: PreparedHistory, options: ReportPageOptions = {}): ReportPage {
  const until = options.until ?? toIso(defaultUntil(prepared.asOf));
  const asOf = toIso(prepared.asOf);
  const estimate = estimateReport(prepared, {
    horizonDays: options.horizonDays,
    rulesSource: options.rulesSource,
    observed: options.observed,
    warnings: options.warnings,
  });
  const seen = (options.past?.observed ?? []).filter((o) => o.date <= asOf);
  const earliest = seen.map((o) => o.date).sort()[0];
  const from = options.past ? (options.past.from ?? earliest ?? toIso(addMonths(prepared.asOf, -12))) : asOf;
  const { report, steps, windowScores } = forecastWithSteps(prepared, {
    until,
    step: 'month',
    rulesSource: options.rulesSource,
    windowScores: true,
    past: options.past ? { ...options.past, from } : undefined,
  });
  const inferred =
    options.past && seen.length > 0
      ? infer(options.past.history, prepared.rules, {
          asOf,
          date: options.past.date,
          observed: seen,
          rulesSource: options.rulesSource,
        })
      : null;
  const costWindow = estimate.window ?? prepared.rules.shownWhen.window;
  return {
    estimate,
    forecast: report,
    steps,
    windowScores,
    from,
    until: toIso(toDay(until)),
    infer: inferred,
    costWindow,
    costs: contractCosts(estimate, prepared.rules, costWindow),
    freelancer: prepared.history.freelancer,
    contracts: prepared.history.contracts,
    rules: prepared.rules,
  };
}

/**
 * What each negative or neutral contract counted in `window` costs it: the window's score with
 * the contract left out (everything else as it is) minus its score now, from the window totals of
 * the estimate report and the rule set's formula. An `average` window averages its parts' scores,
 * each part without the contract where the contract is in it. Costliest first; ties in file order.
 */
export function contractCosts(estimate: EstimateReport, rules: RuleSet, window: string): ContractCost[] {
  const byName = new Map(estimate.windows.map((w) => [w.name, w]));
  const def = rules.windows.find((w) => w.name === window);
  if (!def) return [];
  const parts = isAverageWindow(def) ? def.average : [def.name];
  const now = byName.get(window)?.score ?? null;
  const costs: ContractCost[] = [];
  for (const c of estimate.contracts) {
    const outcome = c.outcome;
    if (outcome !== 'negative' && outcome !== 'neutral') continue;
    if (!parts.some((p) => c.windows.includes(p))) continue;
    // The parts' scores without the contract; null as soon as one of them has none.
    let sum: number | null = 0;
    for (const p of parts) {
      const w = byName.get(p);
      const score = w && (c.windows.includes(p) ? scoreWithout(w, outcome, c.weight, rules) : w.score);
      sum = sum === null || score === null || score === undefined ? null : sum + score;
    }
    const points = now === null || sum === null ? null : round9(sum / parts.length - now);
    costs.push({ id: c.id, outcome, points });
  }
  return costs
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (b.c.points ?? -Infinity) - (a.c.points ?? -Infinity) || a.i - b.i)
    .map(({ c }) => c);
}

function scoreWithout(
  w: WindowResult,
  outcome: 'negative' | 'neutral',
  weight: number,
  rules: RuleSet,
): number | null {
  const success = w.success ?? 0;
  const negative = (w.negative ?? 0) - (outcome === 'negative' ? weight : 0);
  const total = (w.total ?? 0) - weight;
  if (total <= 1e-9) return null;
  const good = rules.formula === 'net' ? Math.max(0, success - negative) : success;
  return round9((100 * good) / total);
}
