import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates.js';
import { evaluate, prepare } from '../../src/core/evaluate.js';
import { newJob, plan } from '../../src/core/plan.js';
import { endedOn, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const rules = upwork2024();
const ASOF = '2026-11-26';

/**
 * By hand, on 2026-11-26 (24m from 2024-11-26, 12m from 2025-11-26, 6m from 2026-05-26):
 * - N, negative, $500 (1.25), ended 2025-05-01: 24m only, leaves it on 2027-05-02.
 * - X, neutral (private 8), $200 (1), ended 2026-01-15: in 24m and 12m, not 6m.
 * - S1..S6, success, $2,500 (1.5 each), ended 2025-06-01 .. 2025-11-01: 24m only; the first
 *   leaves on 2027-06-02.
 * Now: 24m = (9 − 1.25) / 11.25 = 68.9 → 69%; 12m holds X alone, not eligible.
 * Time alone: N leaves on 2027-05-02 and 24m becomes 9 / 10 = 90%.
 * New $500 jobs (success, 1.25 each): one gives 24m (10.25 − 1.25) / 12.5 = 72%, 12m 1.25 / 2.25,
 * 6m a single outcome (not eligible). Two make 6m eligible at 100%, and 6m comes before trending
 * (also 100) in rule-set order: 100% from the 6m window, while 24m is only at 74.5%.
 */
const slowRecovery = history(
  [
    endedOn('N', '2025-05-01', { feedback: { public: 5, private: 3 } }),
    endedOn('X', '2026-01-15', { earnings: 200, feedback: { public: 5, private: 8 } }),
    ...['2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01'].map((end, i) =>
      endedOn(`S${i + 1}`, end, { earnings: 2500 }),
    ),
  ],
  ASOF,
);

describe('plan', () => {
  it('two new jobs lift the 6-month window over the target long before the 24-month one gets there', () => {
    expect(plan(prepare(slowRecovery, rules, ASOF), { target: 90 })).toEqual({
      asOf: ASOF,
      rules: { name: 'upwork-2024', source: 'builtin' },
      target: 90,
      now: { jss: 69, holdsUntil: null },
      byTimeAlone: '2027-05-02',
      // N ages out of the 24m window on 2027-05-02; the JSS falls under 90 again on 2027-06-02
      byTimeAloneHoldsUntil: '2027-06-01',
      jobsNeeded: 2,
      // the two jobs hold the 12m window at 90% or more until they are 12 months and one day old
      afterJobs: { jss: 100, window: '6m', holdsUntil: '2027-11-26' },
    });
  });

  it('adding the jobs incrementally agrees with evaluating the history with them', () => {
    const jobs = [1, 2].map((k) => newJob(`J${k}`, `new-${k}`, toDay(ASOF), 500));
    const withJobs = evaluate(history([...slowRecovery.contracts, ...jobs], ASOF), rules, { asOf: ASOF });
    expect([withJobs.jss, withJobs.window]).toEqual([100, '6m']);
    expect(withJobs.windows.find((w) => w.name === '24m')?.score).toBeCloseTo(74.545454545, 6);
    const one = evaluate(history([...slowRecovery.contracts, jobs[0]], ASOF), rules, { asOf: ASOF });
    expect(one.jss).toBe(72);
  });

  it('a target reached already: the evaluation date, no jobs, the JSS as it is', () => {
    expect(plan(prepare(slowRecovery, rules, ASOF), { target: 69 })).toMatchObject({
      now: { jss: 69 },
      byTimeAlone: ASOF,
      jobsNeeded: 0,
      afterJobs: { jss: 69, window: '24m' },
    });
  });

  it('time alone never reaches 91 within 24 months (the successes age out after N)', () => {
    expect(plan(prepare(slowRecovery, rules, ASOF), { target: 91 })).toMatchObject({
      byTimeAlone: null,
      jobsNeeded: 2,
    });
  });

  it('bigger jobs weigh more: with $1,500 jobs one is still not enough, since 6m needs two outcomes', () => {
    expect(plan(prepare(slowRecovery, rules, ASOF), { target: 90, jobEarnings: 1500 })).toMatchObject({
      jobsNeeded: 2,
      afterJobs: { jss: 100, window: '6m' },
    });
  });

  it('counts jobs until the 24m window alone gets there when shorter windows cannot', () => {
    // A success and a negative ended today sit in every window, so 100 is out of reach; with k jobs
    // every window scores 1.25k / 1.25(k + 2): 7 jobs give 77.8%, 8 give 80%.
    const h = history(
      [endedOn('S', '2026-11-26'), endedOn('N', '2026-11-26', { feedback: { private: 2 } })],
      ASOF,
    );
    expect(plan(prepare(h, rules, ASOF), { target: 100 })).toMatchObject({
      now: { jss: 0 },
      byTimeAlone: null,
      jobsNeeded: null,
      afterJobs: null,
    });
    const eighty = plan(prepare(h, rules, ASOF), { target: 80 });
    expect(eighty.jobsNeeded).toBe(8);
    expect(eighty.afterJobs).toEqual({ jss: 80, window: '24m', holdsUntil: '2028-11-26' });
  });

  it("new clients' names are not in the history", () => {
    // Z, a recent success of the client `new-client-1`, is alone in 6m: one job for another client
    // makes 6m eligible at 100%. A job for `new-client-1` would leave 6m with a single client.
    const z = endedOn('Z', '2026-11-01', { client: 'new-client-1' });
    const h = history([...slowRecovery.contracts, z], ASOF);
    expect(plan(prepare(h, rules, ASOF), { target: 90 })).toMatchObject({
      now: { jss: 72 },
      jobsNeeded: 1,
      afterJobs: { jss: 100, window: '6m' },
    });
  });
});
