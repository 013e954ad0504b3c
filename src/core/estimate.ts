import type { ObservedComparison } from './against-observed.js';
import type { Evaluation, Prepared } from './evaluate.js';
import { evaluateAt, stateAt } from './evaluate.js';
import { type PendingContract, pendingScenarios } from './scenarios.js';

export interface RulesRef {
  name: string;
  /** 'builtin' or the path of the user's rule file. */
  source: string;
}

export interface ReportWarning {
  code: string;
  contract?: string;
  message: string;
}

/** The report of `jss estimate` for one rule set (DESIGN §5, without the envelope). */
export interface EstimateReport {
  asOf: string;
  rules: RulesRef;
  jss: number | null;
  score: number | null;
  shown: boolean;
  window: string | null;
  windows: Evaluation['windows'];
  badges: Evaluation['badges'];
  contracts: Evaluation['contracts'];
  pending: PendingContract[];
  /** The observations up to the evaluation date, oldest first, beside the model's JSS (§5, §8). */
  observed: ObservedComparison[];
  warnings: ReportWarning[];
}

export interface EstimateOptions {
  /** Days ahead at which scenarios are scored too (default 90). */
  horizonDays?: number;
  rulesSource?: string;
  /** What `againstObserved` gives for this history and rule set (default: none). */
  observed?: ObservedComparison[];
  /** Warnings from before evaluation (rewinding's `prorated-earnings`), listed first. */
  warnings?: ReportWarning[];
}

export function estimateReport(prepared: Prepared, options: EstimateOptions = {}): EstimateReport {
  const state = stateAt(prepared, prepared.asOf);
  const now = evaluateAt(prepared, prepared.asOf, state);
  return {
    asOf: now.date,
    rules: { name: prepared.rules.name, source: options.rulesSource ?? 'builtin' },
    jss: now.jss,
    score: now.score,
    shown: now.shown,
    window: now.window,
    windows: now.windows,
    badges: now.badges,
    contracts: now.contracts,
    pending: pendingScenarios(prepared, options.horizonDays ?? 90, state),
    observed: options.observed ?? [],
    warnings: [
      ...(options.warnings ?? []),
      ...now.warnings.map((w) => ({ code: w.code, contract: w.contract, message: w.message })),
    ],
  };
}
