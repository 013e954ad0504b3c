import { type Day, toDay, toIso } from './dates.js';
import type { RulesRef } from './estimate.js';
import { evaluateAt, type PreparedHistory, prepare } from './evaluate.js';
import type { FactsWarning } from './facts.js';
import type { History } from './types.js';

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
  const baseline = figures(prepared, at);
  const known = new Set(prepared.warnings.map((w) => w.message));
  const warnings: FactsWarning[] = [];
  const scored = alternatives.map((alt) => {
    const changed = prepare(alt.history, prepared.rules, asOf);
    for (const w of changed.warnings) {
      if (known.has(w.message)) continue;
      known.add(w.message);
      warnings.push(w);
    }
    const result = figures(changed, at);
    const delta = result.jss === null || baseline.jss === null ? null : result.jss - baseline.jss;
    return { name: alt.name, ...result, delta };
  });
  const rules = { name: prepared.rules.name, source: options.rulesSource ?? 'builtin' };
  return { report: { asOf, at: toIso(at), rules, baseline, alternatives: scored }, warnings };
}

function figures(prepared: PreparedHistory, at: Day): WhatifFigures {
  const { jss, score, window } = evaluateAt(prepared, at);
  return { jss, score, window };
}
