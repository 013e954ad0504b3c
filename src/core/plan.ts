import { classify } from './classify.js';
import { type Day, toIso } from './dates.js';
import type { RulesRef } from './estimate.js';
import { classifyAll, inWindow, type PreparedHistory, prepare, windowTotals } from './evaluate.js';
import { computeFacts } from './facts.js';
import { defaultUntil } from './forecast.js';
import { buildTimeline, type SelectionStep } from './timeline.js';
import type { Contract } from './types.js';
import { addCounted, monthWindows, reaches, type Selection, selectionOf } from './windows.js';

/** The most new jobs `plan` tries before answering null. */
export const MAX_JOBS = 100;
export const DEFAULT_JOB_EARNINGS = 500;

export interface PlanOptions {
  /** The JSS to reach (reaching = jss ≥ target). */
  target: number;
  /** What each new job pays, USD (default 500). */
  jobEarnings?: number;
  rulesSource?: string;
}

/** The report of `jss plan` for one rule set (DESIGN §6, without the envelope). */
export interface PlanReport {
  asOf: string;
  rules: RulesRef;
  target: number;
  /** `holdsUntil`: the last day of the run that starts on the evaluation date; null when not reached now. */
  now: { jss: number | null; holdsUntil: string | null };
  /** The first day time alone reaches the target (the evaluation date if it already does); null if not within 24 months. */
  byTimeAlone: string | null;
  /** The last day of the run that starts on byTimeAlone; null when byTimeAlone is. */
  byTimeAloneHoldsUntil: string | null;
  /** The fewest new jobs that reach the target on the evaluation date; null if no number up to 100 does. */
  jobsNeeded: number | null;
  afterJobs: { jss: number | null; window: string | null; holdsUntil: string | null } | null;
}

/**
 * What it takes to reach `target`: the first day time alone does it (the history held as it is,
 * looked at day by day for 24 months), and the fewest new jobs that do it on the evaluation date.
 * Each new job is a fixed-price contract for a client not in the history, started, paid once and
 * ended on the evaluation date, ended by the client as completed with 5★ and 10.
 */
export function plan(prepared: PreparedHistory, options: PlanOptions): PlanReport {
  const { target } = options;
  const until = defaultUntil(prepared.asOf);
  const earnings = options.jobEarnings ?? DEFAULT_JOB_EARNINGS;
  const steps = buildTimeline(prepared, until).selectionSteps;
  const now = steps[0].selection;
  const reached = steps.find((c) => reaches(c.selection.jss, target));
  const reachedNow = reaches(now.jss, target);
  const nowHolds = reachedNow ? holdsUntil(steps, prepared.asOf, target, until) : null;
  const jobs = reachedNow ? { count: 0, selection: now } : jobsToReach(prepared, target, earnings);
  let afterJobs: PlanReport['afterJobs'] = null;
  if (jobs) {
    const holds =
      jobs.count === 0
        ? nowHolds
        : holdsUntil(
            buildTimeline(withNewJobs(prepared, jobs.count, earnings), until).selectionSteps,
            prepared.asOf,
            target,
            until,
          );
    afterJobs = { jss: jobs.selection.jss, window: jobs.selection.window, holdsUntil: holds };
  }
  return {
    asOf: toIso(prepared.asOf),
    rules: { name: prepared.rules.name, source: options.rulesSource ?? 'builtin' },
    target,
    now: { jss: now.jss, holdsUntil: nowHolds },
    byTimeAlone: reached ? toIso(reached.day) : null,
    byTimeAloneHoldsUntil: reached ? holdsUntil(steps, reached.day, target, until) : null,
    jobsNeeded: jobs ? jobs.count : null,
    afterJobs,
  };
}

/**
 * DESIGN §6: the day before the first day after `start` on which the JSS is below the target or
 * not shown, looking no further than `until`; `until` itself when it never falls back. The
 * selection only changes on selection steps, so the first such day is one of them.
 */
function holdsUntil(steps: readonly SelectionStep[], start: Day, target: number, until: Day): string {
  const falls = steps.find((c) => c.day > start && !reaches(c.selection.jss, target));
  return toIso(falls ? falls.day - 1 : until);
}

/** The history with `count` new jobs (DESIGN §6) on the evaluation date, prepared like the original. */
function withNewJobs(prepared: PreparedHistory, count: number, earnings: number): PreparedHistory {
  const clients = newClientNames(prepared);
  const ids = new Set(prepared.facts.map((f) => f.contract.id));
  const jobs: Contract[] = [];
  for (let k = 1; k <= count; k++) {
    let id = `new-job-${k}`;
    while (ids.has(id)) id += "'";
    jobs.push(newJob(id, clients(k), prepared.asOf, earnings));
  }
  const history = { ...prepared.history, contracts: [...prepared.history.contracts, ...jobs] };
  return prepare(history, prepared.rules, toIso(prepared.asOf));
}

/** A new job, described in DESIGN §6, for `client`, on `day`. */
export function newJob(id: string, client: string, day: Day, earnings: number): Contract {
  const date = toIso(day);
  return {
    id,
    client,
    type: 'fixed',
    status: 'ended',
    start: date,
    end: date,
    earnings,
    refunded: 0,
    payments: [{ date, amount: earnings }],
    endedBy: 'client',
    endReason: 'completed',
    feedback: { public: 5, private: 10 },
    dispute: 'none',
    clientSuspended: false,
  };
}

/** Adds identical new jobs one at a time to the evaluation date's totals until the target is reached. */
function jobsToReach(
  prepared: PreparedHistory,
  target: number,
  earnings: number,
): { count: number; selection: Selection } | null {
  const { rules, asOf } = prepared;
  const totals = windowTotals(prepared, asOf, classifyAll(prepared, asOf));
  const clients = newClientNames(prepared);
  // Every job is the same contract but for its client, so one classification serves them all.
  const job = computeFacts([newJob('new-job', clients(1), asOf, earnings)], rules, asOf).facts[0];
  const cls = classify(job, rules, asOf);
  if (cls.countDay === undefined) return null;
  const countDay = cls.countDay;
  // The month windows (by index into the totals) the job counts in.
  const windows = monthWindows(rules).flatMap((w, k) => (inWindow(countDay, asOf, w.months) ? [k] : []));
  if (windows.length === 0) return null;
  for (let count = 1; count <= MAX_JOBS; count++) {
    // new clients: numbered after the history's
    const client = prepared.clientCount + count - 1;
    for (const k of windows) addCounted(totals[k], cls.outcome, job.weight, client, 1);
    const selection = selectionOf(rules, totals);
    if (reaches(selection.jss, target)) return { count, selection };
  }
  return null;
}

/** `new-client-K`, primed until it is not a client of the history. */
function newClientNames(prepared: PreparedHistory): (k: number) => string {
  const taken = new Set(prepared.facts.map((f) => f.contract.client));
  return (k) => {
    let name = `new-client-${k}`;
    while (taken.has(name)) name += "'";
    return name;
  };
}
