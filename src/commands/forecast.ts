import { laterDate, toDay, toIso } from '../core/dates.js';
import { defaultUntil, forecastWithSteps } from '../core/forecast.js';
import { UserError } from '../errors.js';
import { type ForecastView, renderForecast, renderForecastQuiet } from '../render/forecast-text.js';
import type { CommandContext } from './context.js';
import type { ArgsOf, forecastCommand, OptionsOf } from './definitions.js';
import { loadFutures, writeGuesses } from './load-future.js';
import { observationsOf } from './load-inputs.js';
import { writeJson } from './write-json.js';

type ForecastOptions = OptionsOf<typeof forecastCommand>;

/** `jss forecast FILE`: the JSS over time, with the days it crosses a threshold. */
export async function run(
  [file]: ArgsOf<typeof forecastCommand>,
  options: ForecastOptions,
  ctx: CommandContext,
): Promise<number> {
  const futures = await loadFutures(
    file,
    { rules: options.rules, asOf: options.asOf, changes: options.changes },
    ctx,
  );
  const { asOf } = futures;
  const until = options.until ?? toIso(defaultUntil(toDay(asOf)));
  if (until < asOf) {
    throw new UserError(`--until ${until} is before the evaluation date ${asOf}`, {
      code: 'date-order',
      hint: 'a forecast runs forward from the evaluation date: give a later --until, or an earlier --as-of',
    });
  }
  if (options.from !== undefined && options.from > asOf) {
    throw new UserError(`--from ${options.from} is after the evaluation date ${asOf}`, {
      code: 'date-order',
      hint: '--from starts the series in the past: give an earlier day, or a later --as-of',
    });
  }
  const { loaded } = futures.inputs;
  const observed = observationsOf(loaded, options.observed);
  const past =
    options.from === undefined
      ? undefined
      : { from: options.from, history: loaded.history, fixedAt: laterDate(asOf, loaded.date), observed };
  const prepared = futures.prepareAll(until, 'pass a later --until');
  const views: ForecastView[] = prepared.map(({ prepared: p, source, alternative }) => {
    const { report, steps } = forecastWithSteps(p, {
      until,
      step: options.step,
      rulesSource: source,
      past,
    });
    return { report, steps, ruleSet: p.rules, step: options.step, alternative };
  });
  const reports = views.map((v) => v.report);
  const { io, style } = ctx;

  if (options.json) {
    writeJson(io.stdout, 'forecast', reports.length === 1 ? reports[0] : { reports });
  } else if (options.quiet) {
    io.stdout.write(renderForecastQuiet(reports));
  } else {
    io.stdout.write(views.map((v) => renderForecast(v, style, ctx.width)).join('\n'));
  }
  if (!options.quiet)
    writeGuesses(
      ctx,
      prepared.map((p) => p.prepared),
      futures.inputs.rewindWarnings,
    );
  return 0;
}
