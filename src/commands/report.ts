import { againstObserved } from '../core/against-observed.js';
import { laterDate } from '../core/dates.js';
import { reportPage } from '../core/report-page.js';
import { UserError } from '../errors.js';
import { checkWritablePath, writeFileAtomic } from '../io/write-file.js';
import { packageVersion } from '../package-root.js';
import { renderReportHtml } from '../render/report-html.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, OptionsOf, reportCommand } from './definitions.js';
import { loadInputs, observationsOf, prepareAll, writeWarnings } from './load-inputs.js';
import { resolvePath } from './paths.js';

type ReportOptions = OptionsOf<typeof reportCommand>;

/** `jss report FILE`: one self-contained HTML page of estimate and forecast, for one rule set. */
export async function run(
  [file]: ArgsOf<typeof reportCommand>,
  options: ReportOptions,
  ctx: CommandContext,
): Promise<number> {
  const { io } = ctx;
  if (options.rules?.includes(',')) {
    throw new UserError(`--rules ${options.rules}: a report shows one rule set`, {
      code: 'one-rule-set',
      hint: `make one page per rule set, e.g. jss report ${file} --rules ${options.rules.split(',')[0]} -o report-${options.rules.split(',')[0]}.html`,
    });
  }
  const out = options.output;
  if (out !== '-') {
    if (file !== '-' && resolvePath(io, out) === resolvePath(io, file)) {
      throw new UserError(`-o ${out}: is the history being reported; jss does not write over its input`, {
        code: 'writes-over-input',
        hint: 'name another file, e.g. -o jss-report.html',
      });
    }
    checkWritablePath(resolvePath(io, out), `-o ${out}`);
  }
  const inputs = await loadInputs(file, { rules: options.rules, asOf: options.asOf }, ctx);
  const { loaded } = inputs;
  if (options.from !== undefined && options.from > loaded.asOf) {
    throw new UserError(`--from ${options.from} is after the evaluation date ${loaded.asOf}`, {
      code: 'date-order',
      hint: '--from starts the timeline in the past: give an earlier day, or a later --as-of',
    });
  }
  const [prepared] = prepareAll(inputs);
  const { ruleSet, source } = inputs.ruleSets[0];
  const observed = observationsOf(loaded);
  const page = reportPage(prepared, {
    rulesSource: source,
    observed: againstObserved(loaded.history, ruleSet, observed, {
      evaluation: loaded.asOf,
      history: loaded.date,
    }),
    warnings: inputs.rewindWarnings,
    past: {
      from: options.from,
      history: loaded.history,
      fixedAt: laterDate(loaded.asOf, loaded.date),
      date: loaded.date,
      observed,
    },
  });
  const html = renderReportHtml(page, { file, version: packageVersion() });
  if (out === '-') io.stdout.write(html);
  else {
    await writeFileAtomic(resolvePath(io, out), html, { force: options.force, name: out });
    io.stderr.write(
      `wrote ${out}: JSS ${page.estimate.jss === null ? 'not shown' : `${page.estimate.jss}%`} under ${page.estimate.rules.name}; open it in a browser\n`,
    );
  }
  writeWarnings(ctx, [...inputs.rewindWarnings, ...prepared.warnings]);
  return 0;
}
