/**
 * The library API: everything the CLI does, callable from a script.
 *
 *   import { loadHistory, loadRuleSet, prepare, estimateReport, forecast, plan } from 'upwork-jss';
 *   const { history, asOf } = await loadHistory('contracts.yaml', { today: '2026-11-26' });
 *   const { ruleSet } = await loadRuleSet('upwork-2026', { cwd: process.cwd() });
 *   const prepared = prepare(history, ruleSet, asOf);
 *   const report = estimateReport(prepared);            // what `jss estimate --json` prints
 *   const future = forecast(prepared, { step: 'week' }); // what `jss forecast --json` prints
 *   const answer = plan(prepared, { target: 90 });        // what `jss plan --json` prints
 *   const html = renderReportHtml(reportPage(prepared), { file: 'contracts.yaml', version: '1' }); // `jss report`
 *   const revealed = infer(history, ruleSet, { asOf });   // what `jss infer --json` prints
 *
 * A changes file (DESIGN §6) as an alternative future, checked against the history and the rule set:
 *   const loaded = await loadChanges('cancel-now.yaml', { cwd: process.cwd() });
 *   const alternative = changesAlternative(loaded, history, ruleSet, { asOf, at: asOf });
 *   const compared = whatif(prepared, [alternative]);      // what `jss whatif --json` prints
 *
 * Problems are thrown as a UserError whose `problems` carry a stable `code` (docs/problem-codes.md)
 * beside the message; the command line's own helpers (`--set`, `--observed`, comma lists of rule
 * sets) are not part of this API.
 *
 * An evaluation date before the history's date sees the history as it stood then:
 *   const past = rewindHistory(history, '2026-06-01', date).history;  // date: the history's date H
 *   estimateReport(prepare(past, ruleSet, '2026-06-01'));
 */

export { againstObserved, modelJssOn, type ObservedComparison } from './core/against-observed.js';
export {
  applyChanges,
  applyScenario,
  type Changes,
  type ContractEdit,
  type ContractFields,
  changeProblems,
  continuePayments,
  findChoice,
  type ScenarioChoice,
} from './core/apply-changes.js';
export { type Classification, classify } from './core/classify.js';
export { type Consensus, consensus } from './core/consensus.js';
export { addMonths, type Day, toDay, toIso } from './core/dates.js';
export { type EstimateReport, estimateReport, type NextChange, nextChange } from './core/estimate.js';
export { type Evaluation, evaluate, evaluateAt, type PreparedHistory, prepare } from './core/evaluate.js';
export { type ContractFacts, computeFacts } from './core/facts.js';
export {
  type Crossing,
  type ForecastEvent,
  type ForecastOptions,
  type ForecastReport,
  forecast,
  forecastWithSteps,
  type PastOptions,
  type SeriesPoint,
  type Step,
} from './core/forecast.js';
export { type HiddenFacts, hiddenFacts } from './core/hidden-facts.js';
export {
  type BetweenReport,
  type ExplanationReport,
  type HiddenContractReport,
  type InferOptions,
  type InferReport,
  infer,
  type ObservationReport,
  type Verdict,
} from './core/infer.js';
export { mergeObservations, type ObservedValue } from './core/observations.js';
export { newJob, type PlanOptions, type PlanReport, plan } from './core/plan.js';
export { type ContractCost, contractCosts, type ReportPage, reportPage } from './core/report-page.js';
export { type RewindWarning, type Rewound, rewindHistory } from './core/rewind.js';
export { type PendingContract, pendingScenarios, type ScenarioReport } from './core/scenarios.js';
export type * from './core/types.js';
export { type Alternative, type WhatifReport, whatif, whatifWithWarnings } from './core/whatif.js';
export { type Selection, scoreWindows, type WindowResult } from './core/windows.js';
export { formatProblem, type Problem, UserError } from './errors.js';
export {
  type AlternativeDates,
  type AlternativeHints,
  changesAlternative,
} from './io/changes-alternative.js';
export { type LoadedChanges, loadChanges } from './io/load-changes.js';
export { type LoadedHistory, loadHistory } from './io/load-history.js';
export { type ReportHtmlOptions, renderReportHtml } from './render/report-html.js';
export { type LoadedRuleSet, loadRuleSet } from './rules/load-rules.js';
