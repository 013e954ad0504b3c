import type { ObservedComparison } from './against-observed.js';
import { addMonths, toIso } from './dates.js';
import type { DayState, Evaluation, PreparedHistory } from './evaluate.js';
import { evaluateAt, stateAt } from './evaluate.js';
import { type PendingContract, pendingScenarios } from './scenarios.js';
import { buildTimeline, type EventKind } from './timeline.js';
import { isAverageWindow } from './types.js';

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
  /** When the JSS next changes, the history held as it is (DESIGN §5); null when not within 24 months. */
  next: NextChange | null;
  contracts: Evaluation['contracts'];
  /** Ended contracts without feedback written that count in the shownWhen window: the JSS is provisional. */
  incomplete: string[];
  pending: PendingContract[];
  /** The observations up to the evaluation date, oldest first, beside the model's JSS (§5, §8). */
  observed: ObservedComparison[];
  warnings: ReportWarning[];
}

export interface NextChange {
  date: string;
  /** The JSS the day before and on `date` (null: not shown). */
  from: number | null;
  to: number | null;
  events: { contract: string; window: string | null; what: EventKind }[];
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

export function estimateReport(prepared: PreparedHistory, options: EstimateOptions = {}): EstimateReport {
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
    next: nextChange(prepared, state),
    contracts: now.contracts,
    incomplete: incomplete(prepared, now),
    pending: pendingScenarios(prepared, options.horizonDays ?? 90, state),
    observed: options.observed ?? [],
    warnings: [
      ...(options.warnings ?? []),
      ...now.warnings.map((w) => ({ code: w.code, contract: w.contract, message: w.message })),
    ],
  };
}

/** How far `next` looks (DESIGN §5: up to the evaluation date + 24 months). */
const NEXT_MONTHS = 24;

/**
 * The first day after the evaluation date, up to 24 months on, on which the JSS differs from the
 * day before (the history held as it is), with every forecast event of that day.
 */
export function nextChange(prepared: PreparedHistory, now?: DayState): NextChange | null {
  // One sweep, stopped at the first change of the JSS (from the evaluation date's state, when known).
  const { selectionSteps, events } = buildTimeline(prepared, addMonths(prepared.asOf, NEXT_MONTHS), {
    events: true,
    untilJssChanges: true,
    now,
  });
  if (selectionSteps.length < 2) return null;
  const [before, last] = selectionSteps.slice(-2);
  if (before.selection.jss === last.selection.jss) return null;
  return {
    date: toIso(last.day),
    from: before.selection.jss,
    to: last.selection.jss,
    // the timeline gives the events of the day it stopped on only
    events: events.map((e) => ({
      contract: prepared.facts[e.contract].contract.id,
      window: e.window,
      what: e.what,
    })),
  };
}

/**
 * Ids, in file order, of contracts that ended on or before the evaluation date, have no feedback
 * written, and count in the `shownWhen` window (in one of its parts, when it is an average).
 */
function incomplete(prepared: PreparedHistory, now: Evaluation): string[] {
  const { rules } = prepared;
  const shown = rules.windows.find((w) => w.name === rules.shownWhen.window);
  const parts = shown && isAverageWindow(shown) ? shown.average : [rules.shownWhen.window];
  return prepared.facts
    .filter((f, i) => {
      return (
        !f.open &&
        f.end <= prepared.asOf &&
        f.contract.feedback === undefined &&
        now.contracts[i].windows.some((w) => parts.includes(w))
      );
    })
    .map((f) => f.contract.id);
}
