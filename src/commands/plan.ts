import { toDay, toIso } from '../core/dates.js';
import { defaultUntil, forecast } from '../core/forecast.js';
import { plan } from '../core/plan.js';
import { type PlanView, renderPlan, renderPlanQuiet } from '../render/plan-text.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, OptionsOf, planCommand } from './definitions.js';
import { loadFutures, writeGuesses } from './load-future.js';
import { writeJson } from './write-json.js';

type PlanOptions = OptionsOf<typeof planCommand>;

/** `jss plan FILE --target N`: the day time alone reaches N, and the fewest new jobs that do. */
export async function run(
  [file]: ArgsOf<typeof planCommand>,
  options: PlanOptions,
  ctx: CommandContext,
): Promise<number> {
  const futures = await loadFutures(
    file,
    { rules: options.rules, asOf: options.asOf, changes: options.changes },
    ctx,
  );
  // Dates of a changes file may run as far as time alone is looked at.
  const prepared = futures.prepareAll(
    toIso(defaultUntil(toDay(futures.asOf))),
    'keep them within 24 months of the evaluation date (the horizon of a plan)',
  );
  const views: PlanView[] = prepared.map(({ prepared: p, source, alternative }) => {
    const report = plan(p, { target: options.target, jobEarnings: options.jobEarnings, rulesSource: source });
    const day = report.byTimeAlone;
    const because =
      day === null || day === report.asOf || options.json || options.quiet
        ? []
        : forecast(p, { until: day, step: 'month' }).events.filter((e) => e.date === day);
    return { report, jobEarnings: options.jobEarnings, because, alternative };
  });
  const reports = views.map((v) => v.report);
  const { io, style } = ctx;

  if (options.json) {
    writeJson(io.stdout, 'plan', reports.length === 1 ? reports[0] : { reports });
  } else if (options.quiet) {
    io.stdout.write(renderPlanQuiet(views));
  } else {
    io.stdout.write(views.map((v) => renderPlan(v, style, ctx.width)).join('\n'));
  }
  if (!options.quiet)
    writeGuesses(
      ctx,
      prepared.map((p) => p.prepared),
      futures.inputs.rewindWarnings,
    );
  return 0;
}
