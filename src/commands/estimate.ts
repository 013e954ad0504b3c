import { againstObserved } from '../core/against-observed.js';
import { consensus } from '../core/consensus.js';
import { LAST_DAY_ISO, toDay } from '../core/dates.js';
import { estimateReport } from '../core/estimate.js';
import { UserError } from '../errors.js';
import { renderEstimate, renderEstimateComparison } from '../render/estimate-text.js';
import { percent } from '../render/table.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, estimateCommand, OptionsOf } from './definitions.js';
import { failUnderExit } from './fail-under.js';
import { loadInputs, observationsOf, prepareAll, writeWarnings } from './load-inputs.js';
import { writeJson } from './write-json.js';

type EstimateOptions = OptionsOf<typeof estimateCommand>;

/** `jss estimate [FILE]`: the projected JSS, why, and the what-ifs of every open contract. */
export async function run(
  [file]: ArgsOf<typeof estimateCommand>,
  options: EstimateOptions,
  ctx: CommandContext,
): Promise<number> {
  const inputs = await loadInputs(file, { rules: options.rules, asOf: options.asOf }, ctx);
  const { loaded } = inputs;
  const { asOf } = loaded;
  if (toDay(asOf) + options.horizon > toDay(LAST_DAY_ISO)) {
    throw new UserError(`--horizon ${options.horizon}: the horizon would fall after ${LAST_DAY_ISO}`, {
      code: 'date-out-of-range',
      hint: `from ${asOf}, give at most --horizon ${toDay(LAST_DAY_ISO) - toDay(asOf)}`,
    });
  }
  const observations = observationsOf(loaded, options.observed);
  const prepared = prepareAll(inputs);
  const views = prepared.map((prepared, i) => ({
    ruleSet: prepared.rules,
    file,
    report: estimateReport(prepared, {
      horizonDays: options.horizon,
      rulesSource: inputs.ruleSets[i].source,
      observed: againstObserved(loaded.history, prepared.rules, observations, {
        evaluation: loaded.asOf,
        history: loaded.date,
      }),
      warnings: inputs.rewindWarnings,
    }),
  }));
  const reports = views.map((v) => v.report);
  const { io, style } = ctx;

  if (options.json) {
    writeJson(
      io.stdout,
      'estimate',
      reports.length === 1 ? reports[0] : { reports, consensus: consensus(reports) },
    );
  } else if (options.quiet) {
    io.stdout.write(
      reports.length === 1
        ? `${percent(reports[0].jss)}\n`
        : reports.map((r) => `${r.rules.name}: ${percent(r.jss)}\n`).join(''),
    );
  } else {
    io.stdout.write(
      views.length === 1
        ? renderEstimate(views[0], style, ctx.width)
        : renderEstimateComparison(views, style, ctx.width),
    );
    writeWarnings(ctx, [...inputs.rewindWarnings, ...prepared.flatMap((p) => p.warnings)]);
  }

  const checked = reports.map((r) => ({ label: reports.length > 1 ? r.rules.name : undefined, jss: r.jss }));
  return failUnderExit(checked, options.failUnder, io, options.json === true);
}
