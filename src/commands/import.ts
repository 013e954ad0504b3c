import { copyFile } from 'node:fs/promises';
import { todayUtc } from '../core/dates.js';
import { isUserError, UserError } from '../errors.js';
import { importFiles } from '../import/import-files.js';
import { mergeHistory } from '../import/merge-history.js';
import { importSummary } from '../import/summary.js';
import { historyYaml } from '../import/write-history.js';
import { validateHistory } from '../io/load-history.js';
import { parseSource } from '../io/parse-document.js';
import { readInput } from '../io/read-input.js';
import { writeFileAtomic } from '../io/write-file.js';
import type { CommandContext } from './context.js';
import { resolvePath } from './paths.js';

interface ImportOptions {
  output?: string;
  merge?: string;
  force?: boolean;
}

export async function run(args: unknown[], options: ImportOptions, ctx: CommandContext): Promise<number> {
  const [paths] = args as [string[]];
  const { io, errStyle } = ctx;
  checkPaths(paths, options, ctx);

  const imported = await importFiles(paths, { cwd: io.cwd, stdin: io.stdin });
  const today = todayUtc(io.now());
  let merge: Parameters<typeof importSummary>[1];
  if (options.merge !== undefined) {
    const source = await readInput(options.merge, { cwd: io.cwd });
    const merged = await mergeHistory(source, imported, today);
    const target = options.output ?? options.merge;
    let backup: string | undefined;
    if (options.output === undefined) {
      backup = `${options.merge}.bak`;
      await copyFile(resolvePath(io, options.merge), resolvePath(io, backup)).catch(
        (error: NodeJS.ErrnoException) => {
          throw new UserError(
            `${backup}: cannot write the backup copy (${error.code ?? error.message}); ${options.merge} was left as it was`,
          );
        },
      );
    }
    await write(ctx, target, merged.text, options.output === undefined || options.force === true);
    merge = { plan: merged.plan, file: target, backup };
  } else {
    const text = historyYaml(imported.contracts, imported.latest);
    await checkOutput(text, today);
    if (options.output === undefined) io.stdout.write(text);
    else await write(ctx, options.output, text, options.force === true);
  }

  io.stderr.write(importSummary(imported, merge));
  const warnings = [...imported.warnings, ...(merge?.plan.warnings ?? [])];
  for (const w of warnings) io.stderr.write(`${errStyle.warn('warning:')} ${w}\n`);
  if (imported.contracts.length > 0 && merge === undefined) {
    io.stderr.write(
      `next: fill in feedback, and endedBy/endReason for ended contracts, then run \`jss estimate ${options.output ?? 'FILE'}\`\n`,
    );
  }
  return 0;
}

function checkPaths(paths: string[], options: ImportOptions, ctx: CommandContext): void {
  if (paths.filter((p) => p === '-').length > 1)
    throw new UserError("standard input ('-') can be read only once");
  if (options.merge === '-' || options.output === '-') {
    throw new UserError(`${options.merge === '-' ? '--merge' : '-o'} needs a file name, not '-'`, {
      hint: 'without -o the history is printed to stdout',
    });
  }
  const inputs = new Set(paths.filter((p) => p !== '-').map((p) => resolvePath(ctx.io, p)));
  for (const [flag, path] of [
    ['-o', options.output],
    ['--merge', options.merge],
  ] as const) {
    if (path !== undefined && inputs.has(resolvePath(ctx.io, path))) {
      throw new UserError(
        `${flag} ${path}: is one of the CSV files being imported; jss does not write over its input`,
      );
    }
  }
}

async function write(ctx: CommandContext, path: string, text: string, force: boolean): Promise<void> {
  await writeFileAtomic(resolvePath(ctx.io, path), text, { force, name: path });
}

/** A history the importer wrote that does not validate is a bug in jss, not the user's mistake. */
async function checkOutput(text: string, today: string): Promise<void> {
  try {
    await validateHistory(parseSource({ name: 'imported history', text }), { today });
  } catch (error) {
    if (isUserError(error)) throw new Error(`the imported history does not validate:\n${error.message}`);
    throw error;
  }
}
