import type { ForecastEvent } from '../core/forecast.js';
import type { PlanReport } from '../core/plan.js';
import { describeDay } from './forecast-text.js';
import type { Style } from './style.js';
import { formatTable, percent } from './table.js';

export interface PlanView {
  report: PlanReport;
  /** What each new job pays, USD. */
  jobEarnings: number;
  /** The events of the day time alone reaches the target (empty when it does not, or already does). */
  because: ForecastEvent[];
  /** The name of the changes file's alternative future, when one was applied. */
  alternative?: string;
}

const DAY_MS = 86_400_000;
const WRAP = 96;

/** `-q`: the one-line answer. */
export function renderPlanQuiet(views: PlanView[]): string {
  return views
    .map((v) => `${views.length > 1 ? `${v.report.rules.name}: ` : ''}${quietAnswer(v.report)}\n`)
    .join('');
}

function quietAnswer(r: PlanReport): string {
  if (r.jobsNeeded === 0) return `target ${r.target}%: reached now (${percent(r.now.jss)})`;
  const time =
    r.byTimeAlone === null ? 'not within 24 months by time alone' : `${r.byTimeAlone} by time alone`;
  const jobs =
    r.jobsNeeded === null
      ? 'not with up to 100 new jobs'
      : `now with ${r.jobsNeeded} new job${r.jobsNeeded === 1 ? '' : 's'} (${percent(r.afterJobs?.jss ?? null)})`;
  return `target ${r.target}%: ${time}, ${jobs}`;
}

/** Human output of `jss plan` for one rule set: the answer, then why, in one or two sentences. */
export function renderPlan(view: PlanView, style: Style): string {
  const { report: r } = view;
  const context = [
    ...(r.jobsNeeded === 0 && r.afterJobs ? [`${r.afterJobs.window} window`] : []),
    `${r.rules.name} rules`,
    `as of ${r.asOf}`,
    ...(view.alternative ? [`with the changes of ${view.alternative}`] : []),
  ].join(' · ');
  const answer = r.jobsNeeded === 0 ? `reached, ${percent(r.now.jss)} now` : `now ${percent(r.now.jss)}`;
  const head = `${style.bold(`Target ${r.target}%: ${answer}`)}  (${context})`;
  if (r.jobsNeeded === 0) return `${head}\nYour JSS of ${percent(r.now.jss)} already reaches ${r.target}%.\n`;
  const jobs = `$${money(view.jobEarnings)} job${r.jobsNeeded === 1 ? '' : 's'}`;
  const rows = [
    [
      'by time alone',
      r.byTimeAlone === null
        ? style.dim('not within 24 months')
        : `${r.byTimeAlone} (in ${daysUntil(r.asOf, r.byTimeAlone)} days)`,
    ],
    [
      'with new jobs',
      r.jobsNeeded === null || r.afterJobs === null
        ? style.dim('more than 100')
        : `${r.jobsNeeded} new ${jobs} today → ${percent(r.afterJobs.jss)} (${r.afterJobs.window} window)`,
    ],
  ];
  return `${head}\n${formatTable(rows, [], '  ')}\n${explain(view)}\n`;
}

/** Why, in one or two sentences. */
function explain(view: PlanView): string {
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
  return wrap(sentences.join(' '), WRAP);
}

/** Words joined into lines of at most `width` columns. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

function daysUntil(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

function money(usd: number): string {
  return usd.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
