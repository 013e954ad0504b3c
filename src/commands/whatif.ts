import type { Alternative, WhatifReport } from '../core/whatif.js';
import { whatifWithWarnings } from '../core/whatif.js';
import { UserError } from '../errors.js';
import { changesFileAlternative, setAlternative } from '../io/alternative-options.js';
import type { LoadedChanges } from '../io/load-changes.js';
import { renderWhatif, renderWhatifQuiet } from '../render/whatif-text.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, OptionsOf, whatifCommand } from './definitions.js';
import { type CheckedJss, failUnderExit } from './fail-under.js';
import { loadInputs, prepareAll, writeWarnings } from './load-inputs.js';
import { writeJson } from './write-json.js';

type WhatifOptions = OptionsOf<typeof whatifCommand>;

/** `jss whatif FILE --set … --changes …`: the baseline beside each alternative future. */
export async function run(
  [file]: ArgsOf<typeof whatifCommand>,
  options: WhatifOptions,
  ctx: CommandContext,
): Promise<number> {
  const changePaths = options.changes ?? [];
  stdinAtMostOnce([file, ...changePaths]);
  const { io } = ctx;
  const [inputs, changeFiles] = await Promise.all([
    loadInputs(file, { rules: options.rules, asOf: options.asOf }, ctx),
    loadChangesFiles(changePaths, io),
  ]);
  const { asOf } = inputs.loaded;
  const { history } = inputs;
  const at = options.at ?? asOf;
  if (at < asOf) {
    throw new UserError(`--at ${at} is before the evaluation date ${asOf}`, {
      code: 'date-order',
      hint: 'the day scored cannot come before the history is evaluated; give a later --at, or an earlier --as-of',
    });
  }

  const results = prepareAll(inputs).map((prepared, i) => {
    const alternatives: Alternative[] = [];
    if (options.set?.length)
      alternatives.push(
        setAlternative(options.set, history, prepared.rules, { asOf, at, written: inputs.loaded.history }),
      );
    for (const loaded of changeFiles)
      alternatives.push(
        changesFileAlternative(loaded, history, prepared.rules, { asOf, at, written: inputs.loaded.history }),
      );
    const result = whatifWithWarnings(prepared, alternatives, { at, rulesSource: inputs.ruleSets[i].source });
    return { ...result, warnings: [...inputs.rewindWarnings, ...prepared.warnings, ...result.warnings] };
  });
  const reports = results.map((r) => r.report);

  if (options.json) {
    writeJson(io.stdout, 'whatif', reports.length === 1 ? reports[0] : { reports });
  } else if (options.quiet) {
    io.stdout.write(renderWhatifQuiet(reports));
  } else {
    io.stdout.write(renderWhatif(reports, ctx.style, ctx.width));
  }
  if (!options.quiet)
    writeWarnings(
      ctx,
      results.flatMap((r) => r.warnings),
    );

  return failUnderExit(checkedJss(reports), options.failUnder, io, options.json === true);
}

/** Each alternative's JSS (the baseline's when there is none), named with its rule set when several. */
function checkedJss(reports: readonly WhatifReport[]): CheckedJss[] {
  return reports.flatMap((r) =>
    (r.alternatives.length ? r.alternatives : [{ ...r.baseline, name: 'baseline' }]).map((a) => ({
      label: reports.length > 1 ? `${r.rules.name}: ${a.name}` : a.name,
      jss: a.jss,
    })),
  );
}

/** Standard input can be read once: as the history or as one changes file. */
function stdinAtMostOnce(paths: readonly string[]): void {
  if (paths.filter((p) => p === '-').length > 1) {
    throw new UserError("standard input ('-') can be read only once", {
      code: 'stdin-twice',
      hint: 'give the history or one changes file as -, and the others as files',
    });
  }
}

/** The changes files; their loader (with the files' schema, in zod) is loaded only when there are some. */
async function loadChangesFiles(
  paths: readonly string[],
  io: CommandContext['io'],
): Promise<LoadedChanges[]> {
  if (paths.length === 0) return [];
  const { loadChanges } = await import('../io/load-changes.js');
  return Promise.all(paths.map((path) => loadChanges(path, { stdin: io.stdin, cwd: io.cwd })));
}
