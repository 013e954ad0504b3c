import { applyChanges, type ChangeProblem, type Changes, changeProblems } from '../core/apply-changes.js';
import type { Contract, History, RuleSet } from '../core/types.js';
import type { Alternative } from '../core/whatif.js';
import type { Problem } from '../errors.js';
import { UserError } from '../errors.js';
import { historyProblems } from './history-checks.js';
import type { LoadedChanges } from './load-changes.js';
import { locateProblems, type PathProblem } from './path-problems.js';
import { inChangesFile } from './problems-in-changes-file.js';
import { closest } from './suggest.js';

export interface AlternativeDates {
  /** The history's evaluation date (fixes guessed payment dates; scenarios end contracts then). */
  asOf: string;
  /** The day scored: dates in the changed history may run up to it. */
  at: string;
  /**
   * The history as written, when `history` is it as it stood on an earlier evaluation date (§8):
   * a contract that starts after that day is named as such, not as unknown.
   */
  written?: History;
  /** How hints say the user can move a date later; the command line names its options here. */
  hints?: Partial<AlternativeHints>;
}

/** How the user can move a date later, in the words of the caller. */
export interface AlternativeHints {
  /** Allow dates up to a later day scored (default: "score a later day"). */
  laterDay: string;
  /** Evaluate the history on a later day (default: "evaluate on a later day"). */
  laterEvaluation: string;
}

const LIBRARY_HINTS: AlternativeHints = {
  laterDay: 'score a later day',
  laterEvaluation: 'evaluate on a later day',
};

/**
 * The alternative a changes file describes under one rule set: its references are checked against
 * the history and the rule set's scenarios, it is applied, and the result is checked as a history
 * whose latest date is `at`. Every problem is reported in the changes file.
 */
export function changesAlternative(
  loaded: LoadedChanges,
  history: History,
  rules: RuleSet,
  dates: AlternativeDates,
): Alternative {
  const changed = applyCheckedChanges(loaded.changes, history, rules, dates, (problems) =>
    locateProblems(loaded.document, problems),
  );
  return { name: loaded.name, history: changed };
}

/**
 * `changes` applied to the history, once its references are checked against the history and the
 * rule set's scenarios, and the changed history is checked up to the day scored. Problems of the
 * changed history are moved to the entry of `changes` that made them, then thrown as `report`
 * words them.
 */
export function applyCheckedChanges(
  changes: Changes,
  history: History,
  rules: RuleSet,
  dates: AlternativeDates,
  report: (problems: PathProblem[]) => Problem[],
): History {
  const hints = { ...LIBRARY_HINTS, ...dates.hints };
  const refs = [
    ...changeProblems(history, changes, rules, dates.asOf).map((p) => notYet(p, changes, dates, hints)),
    ...addedLater(history, changes, dates),
  ];
  if (refs.length > 0) throw new UserError(report(refs.map(withSuggestion)));
  const changed = applyChanges(history, changes, rules, dates.asOf, dates.at);
  const after = appliedProblems(changed, changes, dates, hints);
  if (after.length > 0) {
    throw new UserError(report(after.map((p) => inChangesFile(p, history, changed, changes))));
  }
  return changed;
}

/** Added ids that the history as written has, on a contract that starts after the evaluation date. */
function addedLater(history: History, changes: Changes, dates: AlternativeDates): ChangeProblem[] {
  if (dates.written === undefined) return [];
  const now = new Set(history.contracts.map((c) => c.id));
  return (changes.add ?? []).flatMap((c, k): ChangeProblem[] => {
    const later = now.has(c.id) ? undefined : dates.written?.contracts.find((w) => w.id === c.id);
    if (later === undefined) return [];
    return [
      {
        path: ['add', k, 'id'],
        code: 'contract-exists',
        message: `${c.id} is in the history already, starting ${later.start} (after the evaluation date ${dates.asOf})`,
        hint: 'added contracts need new ids',
      },
    ];
  });
}

/** An unknown contract that the history as written has: it did not exist yet on the evaluation date. */
function notYet(
  p: ChangeProblem,
  changes: Changes,
  dates: AlternativeDates,
  hints: AlternativeHints,
): ChangeProblem {
  const [list, j, key] = p.path;
  if (dates.written === undefined || key !== 'contract' || typeof j !== 'number') return p;
  const entries = list === 'set' ? changes.set : list === 'change' ? changes.change : undefined;
  const id = entries?.[j]?.contract;
  const contract = dates.written.contracts.find((c) => c.id === id);
  if (contract === undefined || p.code !== 'unknown-contract') return p;
  return {
    path: p.path,
    code: 'contract-not-yet',
    message: `${id} did not exist yet on the evaluation date ${dates.asOf} (it starts ${contract.start})`,
    hint: `changes apply to the history as it stood on ${dates.asOf}: leave ${id} out, or ${hints.laterEvaluation}`,
  };
}

function withSuggestion(p: ChangeProblem): PathProblem {
  const near = p.suggest ? closest(p.suggest.word, p.suggest.valid) : undefined;
  const hint = near === undefined ? p.hint : `did you mean "${near}"? ${p.hint ?? ''}`.trim();
  return { path: p.path, code: p.code, message: p.message, hint };
}

/**
 * Checks of the changed history: every check of a history file up to `at`, and that no changed
 * or added open contract would need its last payment guessed before its first one (a missing last
 * payment of an open contract is taken as the evaluation date `asOf`).
 */
function appliedProblems(
  changed: History,
  changes: Changes,
  dates: AlternativeDates,
  hints: AlternativeHints,
): PathProblem[] {
  const touched = touchedIds(changes);
  const isTouched = (p: PathProblem) => {
    const i = p.path[1];
    return typeof i === 'number' && touched.has(changed.contracts[i].id);
  };
  const problems = historyProblems({ contracts: changed.contracts }, dates.at, `the day scored ${dates.at}`)
    .filter(isTouched)
    .map((p) => {
      if (!p.message.includes('the day scored')) return p;
      const hint = `dates of an alternative may run up to the day scored: correct the date, or ${hints.laterDay}`;
      return { ...p, hint };
    });
  changed.contracts.forEach((contract, i) => {
    if (!touched.has(contract.id) || !needsLastPayment(contract, dates.asOf)) return;
    problems.push({
      path: ['contracts', i, 'lastPayment'],
      code: 'missing',
      message: `missing: an open contract paid after the evaluation date ${dates.asOf} needs its last payment date (a missing one is taken as the evaluation date)`,
      hint: 'give lastPayment, or a payments list',
    });
  });
  return problems;
}

function needsLastPayment(contract: Contract, asOf: string): boolean {
  if (contract.status === 'ended' || contract.earnings <= 0 || contract.lastPayment !== undefined)
    return false;
  if (contract.payments && contract.payments.length > 0) return false;
  return (contract.firstPayment ?? contract.start) > asOf;
}

function touchedIds(changes: Changes): Set<string> {
  return new Set([
    ...(changes.change ?? []).map((e) => e.contract),
    ...(changes.set ?? []).map((e) => e.contract),
    ...(changes.add ?? []).map((e) => e.id),
  ]);
}
