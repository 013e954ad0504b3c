import { UserError } from '../errors.js';
import { renderJson } from '../render/json.js';
import { percent } from '../render/table.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, inferCommand, OptionsOf } from './definitions.js';
import { loadInputs, observationsOf } from './load-inputs.js';

type InferOptions = OptionsOf<typeof inferCommand>;

/** `jss infer FILE`: what the scores seen reveal about the ratings that cannot be seen. */
export async function run(
  [file]: ArgsOf<typeof inferCommand>,
  options: InferOptions,
  ctx: CommandContext,
): Promise<number> {
  const inputs = await loadInputs(file, { rules: options.rules, asOf: options.asOf }, ctx);
  const { history, asOf, date } = inputs.loaded;
  const all = observationsOf(inputs.loaded, options.observed ?? []);
  // Observations after the evaluation date are ignored (DESIGN §8).
  const observed = all.filter((o) => o.date <= asOf);
  if (observed.length === 0) {
    const later = all.length;
    throw new UserError([
      {
        file: inputs.loaded.source.name,
        code: 'no-observations',
        message:
          later > 0
            ? `no observed score on or before the evaluation date ${asOf} (${later} later ${later === 1 ? 'one is' : 'ones are'} ignored)`
            : 'no observed scores: infer needs the JSS you saw on at least one day',
        hint:
          'add them to the history as `observed: [ { date: 2026-10-15, jss: 92 } ]` (jss: null when no score was shown), ' +
          'or give them here: --observed 2026-10-15=92 --observed 2026-11-14=88',
      },
    ]);
  }
  // The search is loaded only for this command: it is not on any other command's start-up path.
  const [{ inferDetailed }, { renderInfer, renderInferComparison }] = await Promise.all([
    import('../core/infer.js'),
    import('../render/infer-text.js'),
  ]);
  const views = inputs.ruleSets.map((r) => {
    const { report, modelNow, fileVerdicts } = inferDetailed(history, r.ruleSet, {
      asOf,
      date,
      observed,
      rulesSource: r.source,
    });
    return { report, ruleSet: r.ruleSet, fileVerdicts, model: modelNow, file };
  });
  const { io, style } = ctx;
  if (options.json) {
    const reports = views.map((v) => v.report);
    io.stdout.write(
      reports.length === 1
        ? renderJson('infer', reports[0])
        : renderJson('infer', {
            reports,
            fits: Object.fromEntries(reports.map((r) => [r.rules.name, r.fits])),
          }),
    );
  } else if (options.quiet) {
    io.stdout.write(
      views
        .map(({ report: r }) => {
          const now =
            r.now === null
              ? ''
              : `, now ${r.now.min === r.now.max ? percent(r.now.min) : `${percent(r.now.min)}–${percent(r.now.max)}`}`;
          const answer = r.fits === null ? 'unsettled' : r.fits ? `fits${now}` : 'does not fit';
          return `${views.length > 1 ? `${r.rules.name}: ` : ''}${answer}\n`;
        })
        .join(''),
    );
  } else {
    io.stdout.write(
      views.length === 1
        ? renderInfer(views[0], style, ctx.width)
        : renderInferComparison(views, style, ctx.width),
    );
  }
  return 0;
}
