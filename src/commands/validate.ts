import { todayUtc } from '../core/dates.js';
import { summarizeHistory } from '../core/history-summary.js';
import { rewindHistory } from '../core/rewind.js';
import { loadHistory } from '../io/load-history.js';
import { renderValidateText } from '../render/validate-text.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, OptionsOf, validateCommand } from './definitions.js';
import { writeJson } from './write-json.js';

/**
 * `jss validate FILE`: one line on success; located problems (exit 2) otherwise. Dates are checked
 * against the history's date; `--as-of` an earlier day counts the contracts as they stood then.
 */
export async function run(
  [file]: ArgsOf<typeof validateCommand>,
  options: OptionsOf<typeof validateCommand>,
  ctx: CommandContext,
): Promise<number> {
  const { source, history, asOf, date } = await loadHistory(file, {
    stdin: ctx.io.stdin,
    cwd: ctx.io.cwd,
    asOf: options.asOf,
    today: todayUtc(ctx.io.now()),
  });
  // The file is checked against its own date; --as-of counts the history as it stood that day.
  const summary = summarizeHistory(asOf < date ? rewindHistory(history, asOf, date).history : history);
  if (options.json) {
    writeJson(ctx.io.stdout, 'validate', { file: source.name, valid: true, asOf, ...summary });
  } else if (!options.quiet) {
    ctx.io.stdout.write(renderValidateText(source.name, summary, asOf, ctx.style, ctx.width));
  }
  return 0;
}
