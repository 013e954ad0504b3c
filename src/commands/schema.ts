import { UserError } from '../errors.js';
import type { CommandContext } from './context.js';

/** `jss schema contracts|rules|report`: a JSON Schema, pretty-printed, on stdout. */
export async function run(args: unknown[], _options: unknown, ctx: CommandContext): Promise<number> {
  const kind = String(args[0]);
  let schema: unknown;
  if (kind === 'contracts') schema = (await import('../io/history-schema.js')).contractsJsonSchema();
  else if (kind === 'rules') schema = (await import('../rules/schema.js')).rulesJsonSchema();
  else if (kind === 'report') schema = (await import('../render/report-schema.js')).reportJsonSchema();
  else
    throw new UserError(`unknown schema "${kind}"`, {
      code: 'unknown-schema',
      hint: 'choose contracts, rules or report',
    });
  ctx.io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
