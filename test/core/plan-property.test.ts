import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, toDay, toIso } from '../../src/core/dates.js';
import { evaluate, prepare } from '../../src/core/evaluate.js';
import { newJob, plan } from '../../src/core/plan.js';
import { reaches } from '../../src/core/windows.js';
import { historyCase, RULE_SETS } from './random-history.js';

/**
 * plan() against plain evaluate(): the first day time alone reaches the target is the first day
 * of a day-by-day scan that does, and the jobs answer is the fewest k for which the history with
 * k new jobs, evaluated whole, reaches it.
 */
describe('plan agrees with evaluate()', () => {
  it('byTimeAlone, jobsNeeded and afterJobs, and how long each holds', () => {
    fc.assert(
      fc.property(
        historyCase(8),
        fc.constantFrom(50, 75, 90, 100),
        fc.constantFrom(100, 500, 2000),
        ({ asOf, rules, history }, target, jobEarnings) => {
          const ruleSet = RULE_SETS[rules];
          const report = plan(prepare(history, ruleSet, asOf), { target, jobEarnings });
          const at = (day: number) => evaluate(history, ruleSet, { asOf, at: toIso(day) });

          const first = toDay(asOf);
          const last = addMonths(first, 24);
          // DESIGN §6: the day before the first day after `start` below the target (or not shown),
          // looking no further than asOf + 24 months; that day itself when it never falls back
          const holds = (score: (day: number) => number | null, start: number): string => {
            for (let day = start + 1; day <= last; day++)
              if (!reaches(score(day), target)) return toIso(day - 1);
            return toIso(last);
          };
          let byTimeAlone: string | null = null;
          for (let day = first; day <= addMonths(first, 24); day++) {
            if (reaches(at(day).jss, target)) {
              byTimeAlone = toIso(day);
              break;
            }
          }
          expect(report.byTimeAlone).toBe(byTimeAlone);
          expect(report.now.jss).toBe(at(first).jss);
          const alone = (day: number) => at(day).jss;
          expect(report.now.holdsUntil).toBe(reaches(at(first).jss, target) ? holds(alone, first) : null);
          expect(report.byTimeAloneHoldsUntil).toBe(
            byTimeAlone === null ? null : holds(alone, toDay(byTimeAlone)),
          );

          let expected: { k: number; jss: number | null; window: string | null } | null = null;
          const jobs = [];
          for (let k = 0; k <= 100 && expected === null; k++) {
            if (k > 0) jobs.push(newJob(`new-${k}`, `a client not in the history ${k}`, first, jobEarnings));
            const e = evaluate({ ...history, contracts: [...history.contracts, ...jobs] }, ruleSet, { asOf });
            if (reaches(e.jss, target)) expected = { k, jss: e.jss, window: e.window };
          }
          expect(report.jobsNeeded).toBe(expected?.k ?? null);
          const withJobs = { ...history, contracts: [...history.contracts, ...jobs] };
          const after = (day: number) => evaluate(withJobs, ruleSet, { asOf, at: toIso(day) }).jss;
          expect(report.afterJobs).toEqual(
            expected ? { jss: expected.jss, window: expected.window, holdsUntil: holds(after, first) } : null,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
