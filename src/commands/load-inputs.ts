import { todayUtc } from '../core/dates.js';
import { type Prepared, prepare } from '../core/evaluate.js';
import { type LoadedHistory, loadHistory } from '../io/load-history.js';
import { wrapText } from '../render/table.js';
import { type WarningItem, warningLines } from '../render/warnings-text.js';
import { DEFAULT_RULE_SET, type LoadedRuleSet, loadRuleSets } from '../rules/load-rules.js';
import type { CommandContext, CommonOptions } from './context.js';

export interface Inputs {
  loaded: LoadedHistory;
  ruleSets: LoadedRuleSet[];
}

/** The history and every rule set named by `--rules`, validated; shared by the reporting commands. */
export async function loadInputs(file: string, options: CommonOptions, ctx: CommandContext): Promise<Inputs> {
  const [loaded, ruleSets] = await Promise.all([
    loadHistory(file, {
      stdin: ctx.io.stdin,
      cwd: ctx.io.cwd,
      asOf: options.asOf,
      today: todayUtc(ctx.io.now()),
    }),
    loadRuleSets(options.rules ?? DEFAULT_RULE_SET, { cwd: ctx.io.cwd }),
  ]);
  return { loaded, ruleSets };
}

export function prepareAll(inputs: Inputs): Prepared[] {
  return inputs.ruleSets.map((r) => prepare(inputs.loaded.history, r.ruleSet, inputs.loaded.asOf));
}

/** Warnings go to stderr in human output, guesses summarised (they are in the document with --json). */
export function writeWarnings(ctx: CommandContext, warnings: readonly WarningItem[]): void {
  for (const m of warningLines(warnings))
    ctx.io.stderr.write(`${wrapText(`${ctx.errStyle.warn('warning:')} ${m}`, ctx.width, '  ')}\n`);
}
