import {
  type BaselineDay,
  baselineDay,
  type ContractChanges,
  deriveChanges,
  selectionWith,
} from './changed-contracts.js';
import { type Day, toDay, toIso } from './dates.js';
import type { RulesRef } from './estimate.js';
import { type PreparedHistory, prepare, stateAt } from './evaluate.js';
import type { FactsWarning } from './facts.js';
import type { Contract, History } from './types.js';
import { type Selection, selectionOf } from './windows.js';

/** One alternative future: a changed history (see applyChanges) and the name to report it by. */
export interface Alternative {
  name: string;
  history: History;
}

export interface WhatifFigures {
  jss: number | null;
  score: number | null;
  window: string | null;
}

/** `jss whatif` for one rule set (DESIGN §6, without the envelope). */
export interface WhatifReport {
  asOf: string;
  at: string;
  rules: RulesRef;
  baseline: WhatifFigures;
  alternatives: (WhatifFigures & { name: string; delta: number | null })[];
}

export interface WhatifOptions {
  /** The day scored (YYYY-MM-DD), not before the evaluation date; default: the evaluation date. */
  at?: string;
  rulesSource?: string;
}

/**
 * Scores the baseline and each alternative on `at`. Every alternative is prepared at the
 * baseline's evaluation date, so guessed payment dates stay where the baseline has them.
 */
export function whatif(
  prepared: PreparedHistory,
  alternatives: readonly Alternative[],
  options: WhatifOptions = {},
): WhatifReport {
  return whatifWithWarnings(prepared, alternatives, options).report;
}

/** whatif, plus the guessed-date warnings of the alternatives that the baseline does not have. */
export function whatifWithWarnings(
  prepared: PreparedHistory,
  alternatives: readonly Alternative[],
  options: WhatifOptions = {},
): { report: WhatifReport; warnings: FactsWarning[] } {
  const at: Day = options.at === undefined ? prepared.asOf : toDay(options.at);
  if (at < prepared.asOf)
    throw new Error(`at ${toIso(at)} is before the evaluation date ${toIso(prepared.asOf)}`);
  const asOf = toIso(prepared.asOf);
  const base = baselineDay(prepared, stateAt(prepared, at));
  const baseline = figures(base.selection);
  const known = new Set(prepared.warnings.map((w) => w.message));
  const warnings: FactsWarning[] = [];
  const scored = alternatives.map((alt) => {
    const { selection, warnings: altWarnings } = scoreAlternative(base, alt.history);
    for (const w of altWarnings) {
      if (known.has(w.message)) continue;
      known.add(w.message);
      warnings.push(w);
    }
    const result = figures(selection);
    const delta = result.jss === null || baseline.jss === null ? null : result.jss - baseline.jss;
    return { name: alt.name, ...result, delta };
  });
  const rules = { name: prepared.rules.name, source: options.rulesSource ?? 'builtin' };
  return { report: { asOf, at: toIso(at), rules, baseline, alternatives: scored }, warnings };
}

/**
 * An alternative's selection on the baseline's day and its guessed-date warnings, as preparing it
 * at the baseline's evaluation date and evaluating it would give them. An alternative that keeps
 * the baseline's contracts (the same objects, in the same places, new ones after them, as
 * `applyChanges` makes it) is scored from the baseline's state, by what changed; any other is
 * prepared and evaluated whole.
 */
function scoreAlternative(
  base: BaselineDay,
  history: History,
): { selection: Selection; warnings: readonly FactsWarning[] } {
  const changes = changesFrom(base.prepared, history.contracts);
  if (changes === undefined) {
    const changed = prepare(history, base.prepared.rules, toIso(base.prepared.asOf));
    return {
      selection: selectionOf(changed.rules, stateAt(changed, base.day).totals),
      warnings: changed.warnings,
    };
  }
  const derived = deriveChanges(base, changes);
  return { selection: selectionWith(base, derived), warnings: derived.warnings };
}

/** The contracts replaced and added, when `contracts` keeps the baseline's others where they were. */
function changesFrom(prepared: PreparedHistory, contracts: readonly Contract[]): ContractChanges | undefined {
  const { facts } = prepared;
  if (contracts.length < facts.length) return undefined;
  const replaced: ContractChanges['replaced'] = [];
  for (let index = 0; index < facts.length; index++) {
    const contract = contracts[index];
    if (contract !== facts[index].contract) {
      if (contract.id !== facts[index].contract.id) return undefined;
      replaced.push({ index, contract });
    }
  }
  return { replaced, added: contracts.slice(facts.length) };
}

function figures({ jss, score, window }: Selection): WhatifFigures {
  return { jss, score, window };
}
