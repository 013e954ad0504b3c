import { todayUtc } from '../core/dates.js';
import { isUserError, UserError } from '../errors.js';
import { importFiles } from '../import/import-files.js';
import { mergeHistory } from '../import/merge-history.js';
import { importSummary } from '../import/summary.js';
import { historyYaml } from '../import/write-history.js';
import { validateHistory } from '../io/load-history.js';
import { parseSource } from '../io/parse-document.js';
import { readInput } from '../io/read-input.js';
import { checkWritablePath, withFileLock, writeBackup, writeFileAtomic } from '../io/write-file.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, importCommand, OptionsOf } from './definitions.js';
import { resolvePath } from './paths.js';

type ImportOptions = OptionsOf<typeof importCommand>;

/** `jss import CSV…`: a contract history built from Upwork's exports, or merged into one. */
export async function run(
  [paths]: ArgsOf<typeof importCommand>,
  options: ImportOptions,
  ctx: CommandContext,
): Promise<number> {
  const { io, errStyle } = ctx;
  checkPaths(paths, options, ctx);

  const today = todayUtc(io.now());
  const history = options.merge;
  // The lock covers the whole read-modify-write, from reading the CSVs to replacing the history.
  const { imported, merge } =
    history === undefined
      ? await importOnly(paths, options, ctx, today)
      : await withFileLock(resolvePath(io, history), history, () =>
          importAndMerge(paths, history, options, ctx, today),
        );

  io.stderr.write(importSummary(imported, merge));
  const warnings = [...imported.warnings, ...(merge?.plan.warnings ?? [])];
  const label = errStyle.warn('warning:');
  io.stderr.write(warnings.map((w) => `${label} ${w}\n`).join(''));
  if (imported.contracts.length > 0 && merge === undefined) {
    io.stderr.write(
      `next: fill in feedback, and endedBy/endReason for ended contracts, then run \`jss estimate ${options.output ?? 'FILE'}\`\n`,
    );
  }
  return 0;
}

type Merge = Parameters<typeof importSummary>[1];

async function importOnly(
  paths: string[],
  options: ImportOptions,
  ctx: CommandContext,
  today: string,
): Promise<{ imported: Awaited<ReturnType<typeof importFiles>>; merge: Merge }> {
  const imported = await importFiles(paths, { cwd: ctx.io.cwd, stdin: ctx.io.stdin });
  const text = historyYaml(imported.contracts, imported.latest);
  await checkOutput(text, today);
  if (options.output === undefined) ctx.io.stdout.write(text);
  else await write(ctx, options.output, text, options.force === true);
  return { imported, merge: undefined };
}

async function importAndMerge(
  paths: string[],
  history: string,
  options: ImportOptions,
  ctx: CommandContext,
  today: string,
): Promise<{ imported: Awaited<ReturnType<typeof importFiles>>; merge: Merge }> {
  const { io } = ctx;
  const imported = await importFiles(paths, { cwd: io.cwd, stdin: io.stdin });
  const source = await readInput(history, { cwd: io.cwd });
  const merged = await mergeHistory(source, imported, today);
  const target = options.output ?? history;
  let backup: string | undefined;
  if (options.output === undefined) {
    backup = `${history}.bak`;
    await writeBackup(resolvePath(io, history), resolvePath(io, backup), backup);
  }
  await write(ctx, target, merged.text, options.output === undefined || options.force === true);
  return { imported, merge: { plan: merged.plan, file: target, backup } };
}

function checkPaths(paths: string[], options: ImportOptions, ctx: CommandContext): void {
  if (paths.filter((p) => p === '-').length > 1)
    throw new UserError("standard input ('-') can be read only once", { code: 'stdin-twice' });
  if (options.merge === '-' || options.output === '-') {
    throw new UserError(`${options.merge === '-' ? '--merge' : '-o'} needs a file name, not '-'`, {
      code: 'bad-usage',
      hint: 'without -o the history is printed to stdout',
    });
  }
  for (const [flag, path] of [
    ['-o', options.output],
    ['--merge', options.merge],
  ] as const) {
    if (path !== undefined) checkWritablePath(resolvePath(ctx.io, path), `${flag} ${path}`);
  }
  const inputs = new Set(paths.filter((p) => p !== '-').map((p) => resolvePath(ctx.io, p)));
  for (const [flag, path] of [
    ['-o', options.output],
    ['--merge', options.merge],
  ] as const) {
    if (path !== undefined && inputs.has(resolvePath(ctx.io, path))) {
      throw new UserError(
        `${flag} ${path}: is one of the CSV files being imported; jss does not write over its input`,
        { code: 'writes-over-input' },
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
