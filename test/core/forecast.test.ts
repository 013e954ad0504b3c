import { describe, expect, it } from 'vitest';
import { toDay, toIso } from '../../src/core/dates.js';
import { prepare } from '../../src/core/evaluate.js';
import { forecast, type Step, seriesDays } from '../../src/core/forecast.js';
import { contract, endedOn, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const rules = upwork2024();
const ASOF = '2026-11-26';

const negative = { feedback: { public: 5, private: 3 } };

/**
 * By hand, on 2026-11-26 (24m window from 2024-11-26; nothing in 12m, which starts 2025-11-26):
 * 24m holds S1, S2, S3 (success, 1.25 each) and N (negative, 1.25): (3.75 − 1.25) / 5 = 50%.
 * - 2027-01-06: S1 (ended 2025-01-05) is 24 months and one day old and leaves: 1.25 / 3.75 = 33%.
 * - 2027-03-11: N (ended 2025-03-10) leaves: 2.5 / 2.5 = 100%, crossing 90, 80, 75 and 70 upwards.
 * - 2027-06-02: S2 leaves; S3 alone is one outcome, so no score is shown.
 * - 2027-08-02: S3 leaves (nothing left to show either way).
 */
const agingOut = history(
  [
    endedOn('S1', '2025-01-05'),
    endedOn('N', '2025-03-10', negative),
    endedOn('S2', '2025-06-01'),
    endedOn('S3', '2025-08-01'),
  ],
  ASOF,
);

describe('forecast: an old negative ages out, then the score vanishes', () => {
  const steps: Step[] = ['day', 'week', 'month'];
  for (const step of steps) {
    it(`gives the exact days with --step ${step}`, () => {
      const report = forecast(prepare(agingOut, rules, ASOF), { step });
      expect(report.crossings).toEqual([
        { threshold: 90, date: '2027-03-11', direction: 'up' },
        { threshold: 80, date: '2027-03-11', direction: 'up' },
        { threshold: 75, date: '2027-03-11', direction: 'up' },
        { threshold: 70, date: '2027-03-11', direction: 'up' },
        { threshold: null, date: '2027-06-02', direction: 'down' },
        { threshold: 90, date: '2027-06-02', direction: 'down' },
        { threshold: 80, date: '2027-06-02', direction: 'down' },
        { threshold: 75, date: '2027-06-02', direction: 'down' },
        { threshold: 70, date: '2027-06-02', direction: 'down' },
      ]);
      expect(report.events).toEqual([
        { date: '2027-01-06', contract: 'S1', window: '24m', what: 'leaves' },
        { date: '2027-03-11', contract: 'N', window: '24m', what: 'leaves' },
        { date: '2027-06-02', contract: 'S2', window: '24m', what: 'leaves' },
        { date: '2027-08-02', contract: 'S3', window: '24m', what: 'leaves' },
      ]);
      expect(report.asOf).toBe(ASOF);
      expect(report.rules).toEqual({ name: 'upwork-2024', source: 'builtin' });
    });
  }

  it('the series holds the score in force at each step, the last point being --until', () => {
    const weekly = forecast(prepare(agingOut, rules, ASOF), { step: 'week' }).series;
    expect(weekly[0]).toEqual({ date: ASOF, jss: 50, score: 50, window: '24m' });
    // 2026-11-26 + 6 weeks = 2027-01-07, the day after S1 left.
    expect(weekly[6]).toEqual({ date: '2027-01-07', jss: 33, score: 33.333333333, window: '24m' });
    expect(weekly[5]).toMatchObject({ date: '2026-12-31', jss: 50 });
    expect(weekly.at(-1)).toEqual({ date: '2028-11-26', jss: null, score: null, window: null });
    expect(weekly).toHaveLength(106); // 105 whole weeks fit in 731 days, plus the last day itself

    const monthly = forecast(prepare(agingOut, rules, ASOF), { step: 'month', until: '2027-07-26' }).series;
    expect(monthly.map((p) => [p.date, p.jss])).toEqual([
      ['2026-11-26', 50],
      ['2026-12-26', 50],
      ['2027-01-26', 33],
      ['2027-02-26', 33],
      ['2027-03-26', 100],
      ['2027-04-26', 100],
      ['2027-05-26', 100],
      ['2027-06-26', null],
      ['2027-07-26', null],
    ]);
  });

  it('lists events and crossings only after the evaluation date and up to --until', () => {
    const report = forecast(prepare(agingOut, rules, ASOF), { until: '2027-03-10' });
    expect(report.events).toEqual([{ date: '2027-01-06', contract: 'S1', window: '24m', what: 'leaves' }]);
    expect(report.crossings).toEqual([]);
    expect(report.series.at(-1)).toMatchObject({ date: '2027-03-10', jss: 33 });
    const oneDay = forecast(prepare(agingOut, rules, ASOF), { until: ASOF });
    expect(oneDay.series).toEqual([{ date: ASOF, jss: 50, score: 50, window: '24m' }]);
    expect(oneDay.events).toEqual([]);
  });

  it('refuses an --until before the evaluation date', () => {
    expect(() => forecast(prepare(agingOut, rules, ASOF), { until: '2026-11-25' })).toThrow(
      /before the evaluation date/,
    );
  });
});

/**
 * By hand: S (success, 1.25) ended 2026-10-01 is the only outcome, so no score is shown. O, open,
 * last paid 2026-10-15 ($300: weight 1.25), turns idle 90 days later, on 2027-01-13, and counts as
 * neutral from that day in every window: 24m is (1.25 − 0) / 2.5 = 50% and the score appears. It
 * disappears when S leaves the 24-month window, on 2028-10-02.
 */
const turningIdle = history(
  [
    endedOn('S', '2026-10-01'),
    contract({
      id: 'O',
      client: 'open-client',
      status: 'active',
      end: undefined,
      endedBy: undefined,
      endReason: undefined,
      feedback: undefined,
      earnings: 300,
      start: '2026-09-01',
      firstPayment: '2026-09-01',
      lastPayment: '2026-10-15',
    }),
  ],
  ASOF,
);

describe('forecast: an open contract turns idle and the score appears', () => {
  for (const step of ['week', 'month'] as Step[]) {
    it(`appears on the day it turns idle and vanishes when the last outcome leaves (--step ${step})`, () => {
      const report = forecast(prepare(turningIdle, rules, ASOF), { step });
      expect(report.crossings).toEqual([
        { threshold: null, date: '2027-01-13', direction: 'up' },
        { threshold: null, date: '2028-10-02', direction: 'down' },
      ]);
      expect(report.events.slice(0, 6)).toEqual([
        { date: '2027-01-02', contract: 'S', window: '3m', what: 'leaves' },
        { date: '2027-01-13', contract: 'O', window: null, what: 'turns-idle' },
        { date: '2027-01-13', contract: 'O', window: '24m', what: 'enters' },
        { date: '2027-01-13', contract: 'O', window: '12m', what: 'enters' },
        { date: '2027-01-13', contract: 'O', window: '6m', what: 'enters' },
        { date: '2027-01-13', contract: 'O', window: '3m', what: 'enters' },
      ]);
      expect(
        report.events.filter((e) => e.contract === 'O' && e.what === 'leaves').map((e) => [e.date, e.window]),
      ).toEqual([
        ['2027-04-14', '3m'],
        ['2027-07-14', '6m'],
        ['2028-01-14', '12m'],
      ]);
      expect(report.series[0]).toMatchObject({ jss: null, window: null });
    });
  }
});

describe('seriesDays', () => {
  const iso = (days: number[]) => days.map(toIso);
  it('counts month steps from the evaluation date, clamping the day to the month end', () => {
    expect(iso(seriesDays(toDay('2026-08-31'), toDay('2027-03-31'), 'month'))).toEqual([
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
    ]);
  });

  it('ends on --until even when the steps do not land on it', () => {
    expect(iso(seriesDays(toDay('2026-11-26'), toDay('2026-12-12'), 'week'))).toEqual([
      '2026-11-26',
      '2026-12-03',
      '2026-12-10',
      '2026-12-12',
    ]);
    expect(iso(seriesDays(toDay('2026-11-26'), toDay('2026-11-28'), 'day'))).toEqual([
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
    ]);
  });
});
