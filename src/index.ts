/**
 * The library API: everything the CLI does, callable from a script.
 *
 *   import { loadHistory, loadRuleSet, prepare, estimateReport } from 'jss';
 *   const { history, asOf } = await loadHistory('contracts.yaml', { today: '2026-11-26' });
 *   const { ruleSet } = await loadRuleSet('upwork-2024', { cwd: process.cwd() });
 *   const report = estimateReport(prepare(history, ruleSet, asOf));
 */
export type * from './core/types.js';
export { type Classification, classify } from './core/classify.js';
export { addMonths, type Day, toDay, toIso } from './core/dates.js';
export { type EstimateReport, estimateReport } from './core/estimate.js';
export { type Evaluation, evaluate, evaluateAt, type Prepared, prepare } from './core/evaluate.js';
export { type ContractFacts, computeFacts } from './core/facts.js';
export { type PendingContract, pendingScenarios } from './core/scenarios.js';
export { type Selection, scoreWindows, type WindowResult } from './core/windows.js';
export { formatProblem, type Problem, UserError } from './errors.js';
export { type LoadedHistory, loadHistory } from './io/load-history.js';
export { type LoadedRuleSet, loadRuleSet, loadRuleSets } from './rules/load-rules.js';
