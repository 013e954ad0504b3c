import type { InferReport } from '../core/infer.js';
import type { Observation } from '../core/types.js';
import { UserError } from '../errors.js';
import type { LoadedHistory } from '../io/load-history.js';
import { percent } from '../render/table.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, inferCommand, OptionsOf } from './definitions.js';
import { loadInputs, observationsOf } from './load-inputs.js';
import { writeJson } from './write-json.js';

type InferOptions = OptionsOf<typeof inferCommand>;

/** `jss infer FILE`: what the scores seen reveal about the ratings that cannot be seen. */
export async function run(
  [file]: ArgsOf<typeof inferCommand>,
  options: InferOptions,
  ctx: CommandContext,
): Promise<number> {
  const inputs = await loadInputs(file, { rules: options.rules, asOf: options.asOf }, ctx);
  const { history, asOf, date } = inputs.loaded;
  const observed = observationsUpTo(inputs.loaded, options.observed);
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
    writeJson(
      io.stdout,
      'infer',
      reports.length === 1
        ? reports[0]
        : { reports, fits: Object.fromEntries(reports.map((r) => [r.rules.name, r.fits])) },
    );
  } else if (options.quiet) {
    io.stdout.write(views.map((v) => quietAnswer(v.report, views.length > 1)).join(''));
  } else {
    io.stdout.write(
      views.length === 1
        ? renderInfer(views[0], style, ctx.width)
        : renderInferComparison(views, style, ctx.width),
    );
  }
  return 0;
}

/**
 * The observations infer fits: the file's and `--observed`, up to the evaluation date (later ones
 * are ignored, DESIGN §8). None is a usage error: there is nothing to infer from.
 */
function observationsUpTo(loaded: LoadedHistory, values: string[] | undefined): Observation[] {
  const all = observationsOf(loaded, values ?? []);
  const observed = all.filter((o) => o.date <= loaded.asOf);
  if (observed.length > 0) return observed;
  const later = all.length;
  throw new UserError([
    {
      file: loaded.source.name,
      code: 'no-observations',
      message:
        later > 0
          ? `no observed score on or before the evaluation date ${loaded.asOf} (${later} later ${later === 1 ? 'one is' : 'ones are'} ignored)`
          : 'no observed scores: infer needs the JSS you saw on at least one day',
      hint:
        'add them to the history as `observed: [ { date: 2026-10-15, jss: 92 } ]` (jss: null when no score was shown), ' +
        'or give them here: --observed 2026-10-15=92 --observed 2026-11-14=88',
    },
  ]);
}

/** `-q`: whether the scores fit, and the JSS now when they do; named by rule set when several. */
function quietAnswer(r: InferReport, named: boolean): string {
  const now =
    r.now === null
      ? ''
      : `, now ${r.now.min === r.now.max ? percent(r.now.min) : `${percent(r.now.min)}–${percent(r.now.max)}`}`;
  const answer = r.fits === null ? 'unsettled' : r.fits ? `fits${now}` : 'does not fit';
  return `${named ? `${r.rules.name}: ` : ''}${answer}\n`;
}
