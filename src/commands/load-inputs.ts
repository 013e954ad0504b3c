import { todayUtc } from '../core/dates.js';
import { type PreparedHistory, prepare } from '../core/evaluate.js';
import { mergeObservations } from '../core/observations.js';
import { type RewindWarning, rewindHistory } from '../core/rewind.js';
import type { History, Observation } from '../core/types.js';
import { historyDateName } from '../io/history-checks.js';
import { type LoadedHistory, loadHistory } from '../io/load-history.js';
import { parseObservedOptions } from '../io/observed-option.js';
import { wrapText } from '../render/table.js';
import { type WarningItem, warningLines } from '../render/warnings-text.js';
import { DEFAULT_RULE_SET, type LoadedRuleSet, loadRuleSets } from '../rules/load-rules.js';
import type { CommandContext } from './context.js';

export interface Inputs {
  loaded: LoadedHistory;
  ruleSets: LoadedRuleSet[];
  /**
   * The history evaluated: as it stood on the evaluation date when that is before the history's
   * date (DESIGN §8, guesses fixed at the history's date), else as it is.
   */
  history: History;
  /** Earnings pro-rated by rewinding (none when the history is evaluated as it is). */
  rewindWarnings: RewindWarning[];
}

/**
 * What `--rules` and `--as-of` chose. Both keys are required (each may be undefined), so a caller
 * names the options it passes and a renamed option is a compile error there.
 */
export interface InputChoice {
  rules: string | undefined;
  asOf: string | undefined;
}

/** The history and every rule set named by `--rules`, validated; shared by the reporting commands. */
export async function loadInputs(file: string, options: InputChoice, ctx: CommandContext): Promise<Inputs> {
  const [loaded, ruleSets] = await Promise.all([
    loadHistory(file, {
      stdin: ctx.io.stdin,
      cwd: ctx.io.cwd,
      asOf: options.asOf,
      today: todayUtc(ctx.io.now()),
    }),
    loadRuleSets(options.rules ?? DEFAULT_RULE_SET, { cwd: ctx.io.cwd }),
  ]);
  const { history, warnings } = historyOn(loaded);
  return { loaded, ruleSets, history, rewindWarnings: warnings };
}

/** The loaded history as it stood on the evaluation date (as it is from the history's date on). */
export function historyOn(loaded: LoadedHistory): { history: History; warnings: RewindWarning[] } {
  if (loaded.asOf >= loaded.date) return { history: loaded.history, warnings: [] };
  return rewindHistory(loaded.history, loaded.asOf, loaded.date);
}

export function prepareAll(inputs: Inputs): PreparedHistory[] {
  return inputs.ruleSets.map((r) => prepare(inputs.history, r.ruleSet, inputs.loaded.asOf));
}

/**
 * The observations a command compares with (DESIGN §8): the file's and `--observed DATE=JSS`
 * values (the option wins on a date), oldest first, all dates checked against the history's date.
 */
export function observationsOf(loaded: LoadedHistory, values: readonly string[] = []): Observation[] {
  const given = parseObservedOptions(values, loaded.date, historyDateName(loaded.history.asOf, loaded.date));
  return mergeObservations(loaded.history.observed, given);
}

/**
 * Warnings go to stderr in human output, guesses summarised (they are in the document with --json),
 * all in one write: a write is a system call, and a large history can have a great many.
 */
export function writeWarnings(ctx: CommandContext, warnings: readonly WarningItem[]): void {
  const label = ctx.errStyle.warn('warning:');
  const text = warningLines(warnings)
    .map((m) => `${wrapText(`${label} ${m}`, ctx.width, '  ')}\n`)
    .join('');
  if (text !== '') ctx.io.stderr.write(text);
}
