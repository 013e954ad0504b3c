import { EXAMPLE_HISTORY } from '../io/example-history.js';
import { writeFileAtomic } from '../io/write-file.js';
import { wrapLines } from '../render/table.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, initCommand, OptionsOf } from './definitions.js';
import { resolvePath } from './paths.js';

/** `jss init [PATH]`: writes the commented example history ('-' prints it to stdout). */
export async function run(
  [path]: ArgsOf<typeof initCommand>,
  options: OptionsOf<typeof initCommand>,
  ctx: CommandContext,
): Promise<number> {
  if (path === '-') {
    ctx.io.stdout.write(EXAMPLE_HISTORY);
    return 0;
  }
  await writeFileAtomic(resolvePath(ctx.io, path), EXAMPLE_HISTORY, { force: options.force, name: path });
  const quoted = /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
  ctx.io.stderr.write(
    wrapLines(
      `wrote ${path}: an example contract history, every field explained in its comments\n` +
        `next: replace the example contracts with yours, then run \`jss validate ${quoted}\`\n`,
      ctx.width,
    ),
  );
  return 0;
}
