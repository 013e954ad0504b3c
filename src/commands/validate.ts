import { todayUtc } from '../core/dates.js';
import { summarizeHistory } from '../core/history-summary.js';
import { loadHistory } from '../io/load-history.js';
import { renderJson } from '../render/json.js';
import { renderValidateText } from '../render/validate-text.js';
import type { CommandContext, CommonOptions } from './context.js';

/** `jss validate FILE`: one line on success; located problems (exit 2) otherwise. */
export async function run(args: unknown[], options: CommonOptions, ctx: CommandContext): Promise<number> {
  const { source, history, asOf } = await loadHistory(String(args[0]), {
    stdin: ctx.io.stdin,
    cwd: ctx.io.cwd,
    asOf: options.asOf,
    today: todayUtc(ctx.io.now()),
  });
  const summary = summarizeHistory(history);
  if (options.json) {
    ctx.io.stdout.write(renderJson('validate', { file: source.name, valid: true, asOf, ...summary }));
  } else if (!options.quiet) {
    ctx.io.stdout.write(renderValidateText(source.name, summary, asOf, ctx.style, ctx.width));
  }
  return 0;
}
