import type { CommandContext } from './context.js';
import type { ArgsOf, schemaCommand } from './definitions.js';

/** `jss schema contracts|rules|report`: a JSON Schema, pretty-printed, on stdout. */
export async function run(
  [kind]: ArgsOf<typeof schemaCommand>,
  _options: unknown,
  ctx: CommandContext,
): Promise<number> {
  const schema = await jsonSchema(kind);
  ctx.io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}

/** The schema of `kind`, its module loaded only for it (commander has checked the kind). */
async function jsonSchema(kind: ArgsOf<typeof schemaCommand>[0]): Promise<unknown> {
  switch (kind) {
    case 'contracts':
      return (await import('../io/history-schema.js')).contractsJsonSchema();
    case 'rules':
      return (await import('../rules/schema.js')).rulesJsonSchema();
    case 'report':
      return (await import('../render/report-schema.js')).reportJsonSchema();
  }
}
