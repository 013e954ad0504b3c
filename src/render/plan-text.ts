import { addMonths, toDay, toIso } from '../core/dates.js';
import type { ForecastEvent } from '../core/forecast.js';
import { formatNumber } from '../core/format-number.js';
import type { PlanReport } from '../core/plan.js';
import { describeDay } from './day-text.js';
import type { Style } from './style.js';
import { DEFAULT_WIDTH, formatTable, percent, wrapText } from './table.js';

export interface PlanView {
  report: PlanReport;
  /** What each new job pays, USD. */
  jobEarnings: number;
  /** The events of the day time alone reaches the target (empty when it does not, or already does). */
  because: ForecastEvent[];
  /** The name of the changes file's alternative future, when one was applied. */
  alternative?: string;
}

/** `-q`: the one-sentence answer. */
export function renderPlanQuiet(views: PlanView[]): string {
  return views
    .map((v) => `${views.length > 1 ? `${v.report.rules.name}: ` : ''}${answer(v.report)}\n`)
    .join('');
}

/**
 * The answer in one sentence, each part with how long it holds (DESIGN §6): `90% now, until
 * 2027-01-13` / `not now; by time alone on 2027-06-02, until 2027-07-01; or 2 new jobs now, until
 * 2028-01-10`.
 */
export function answer(r: PlanReport): string {
  if (r.jobsNeeded === 0)
    return `target ${r.target}%: ${percent(r.now.jss)} now${lasting(r, r.now.holdsUntil)}`;
  const time =
    r.byTimeAlone === null
      ? 'not by time alone within 24 months'
      : `by time alone on ${r.byTimeAlone}${lasting(r, r.byTimeAloneHoldsUntil)}`;
  const jobs =
    r.jobsNeeded === null || r.afterJobs === null
      ? 'not with up to 100 new jobs'
      : `or ${r.jobsNeeded} new job${r.jobsNeeded === 1 ? '' : 's'} now (${percent(r.afterJobs.jss)})${lasting(r, r.afterJobs.holdsUntil)}`;
  return `target ${r.target}%: not now (${percent(r.now.jss)}); ${time}; ${jobs}`;
}

/** `, until DATE`, or `, for at least 24 months` when it holds as far as plan looks. */
function lasting(r: PlanReport, until: string | null): string {
  if (until === null) return '';
  return until === horizonOf(r) ? ', for at least 24 months' : `, until ${until}`;
}

/** The last day `plan` looks at: the evaluation date + 24 months. */
function horizonOf(r: PlanReport): string {
  return toIso(addMonths(toDay(r.asOf), 24));
}

/** Human output of `jss plan` for one rule set: the answer, then why, in one or two sentences. */
export function renderPlan(view: PlanView, style: Style, width = DEFAULT_WIDTH): string {
  const { report: r } = view;
  const context = [
    ...(r.jobsNeeded === 0 && r.afterJobs ? [`${r.afterJobs.window} window`] : []),
    `${r.rules.name} rules`,
    `as of ${r.asOf}`,
    ...(view.alternative ? [`with the changes of ${view.alternative}`] : []),
  ].join(' · ');
  const said = answer(r);
  const head = `${style.bold(wrapText(said[0].toUpperCase() + said.slice(1), width, '  '))}\n${style.dim(wrapText(`(${context})`, width))}`;
  if (r.jobsNeeded === 0) {
    const holds =
      r.now.holdsUntil === horizonOf(r)
        ? 'and stays there for at least 24 months if nothing else happens'
        : `and stays there until ${r.now.holdsUntil} if nothing else happens`;
    return `${head}\n${wrapText(`Your JSS of ${percent(r.now.jss)} reaches ${r.target}% ${holds}.`, width)}\n`;
  }
  const jobs = `$${money(view.jobEarnings)} job${r.jobsNeeded === 1 ? '' : 's'}`;
  const rows = [
    [
      'by time alone',
      r.byTimeAlone === null
        ? style.dim('not within 24 months')
        : `${r.byTimeAlone} (in ${daysUntil(r.asOf, r.byTimeAlone)} days)${lasting(r, r.byTimeAloneHoldsUntil)}`,
    ],
    [
      'with new jobs',
      r.jobsNeeded === null || r.afterJobs === null
        ? style.dim('more than 100')
        : `${r.jobsNeeded} new ${jobs} today → ${percent(r.afterJobs.jss)} (${r.afterJobs.window} window)${lasting(r, r.afterJobs.holdsUntil)}`,
    ],
  ];
  return `${head}\n${formatTable(rows, [], '  ', { width, wrapLast: true })}\n${explain(view, width)}\n`;
}

/** Why, in one or two sentences. */
function explain(view: PlanView, width: number): string {
  const { report: r } = view;
  const sentences: string[] = [];
  if (r.jobsNeeded !== null && r.afterJobs !== null) {
    const n = r.jobsNeeded;
    const jobs = n === 1 ? 'one new job for a new client' : `${n} new jobs, each for a new client`;
    sentences.push(
      `With ${jobs} (fixed-price, $${money(view.jobEarnings)}, ended today as completed with 5★ and a private 10), the ${r.afterJobs.window} window would make your JSS ${percent(r.afterJobs.jss)}.`,
    );
  } else {
    sentences.push(
      `Not even 100 new $${money(view.jobEarnings)} jobs rated 5★ would reach ${r.target}% today.`,
    );
  }
  if (r.byTimeAlone === null) {
    sentences.push(`Left as it is, the JSS does not reach ${r.target}% within 24 months.`);
  } else {
    const why = view.because.length > 0 ? `, when ${describeDay(view.because)}` : '';
    sentences.push(`Left as it is, it first reaches ${r.target}% on ${r.byTimeAlone}${why}.`);
  }
  return wrapText(sentences.join(' '), width);
}

function daysUntil(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

function money(usd: number): string {
  return formatNumber(usd, { maximumFractionDigits: 2 });
}
