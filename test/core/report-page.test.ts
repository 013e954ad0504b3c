import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateReport } from '../../src/core/estimate.js';
import { prepare } from '../../src/core/evaluate.js';
import { forecast } from '../../src/core/forecast.js';
import { contractCosts, reportPage } from '../../src/core/report-page.js';
import { endedOn, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';
import { historyCase, RULE_SETS } from './random-history.js';

const rules = upwork2024();

describe('contractCosts: the points each negative or neutral contract costs a window', () => {
  it('net formula: without a negative, S−N and T both move; without a neutral, only T', () => {
    // 6m window: successes 1 + 1.25, neutral 1, negative 1 (weights by earnings tier).
    const h = history([
      endedOn('s1', '2026-10-01', { client: 'a', earnings: 100, feedback: { public: 5 } }),
      endedOn('s2', '2026-10-02', { client: 'b', earnings: 500, feedback: { public: 5 } }),
      endedOn('n1', '2026-10-03', { client: 'c', earnings: 100, feedback: { public: 4 } }),
      endedOn('x1', '2026-10-04', { client: 'd', earnings: 100, feedback: { public: 2 } }),
    ]);
    const estimate = estimateReport(prepare(h, rules, '2026-11-26'));
    const w = estimate.windows.find((x) => x.name === '6m');
    expect(w?.score).toBeCloseTo((100 * (2.25 - 1)) / 4.25, 9);
    const costs = contractCosts(estimate, rules, '6m');
    // Without x1: 100 · 2.25 / 3.25; without n1: 100 · 1.25 / 3.25.
    expect(costs.map((c) => c.id)).toEqual(['x1', 'n1']);
    expect(costs[0].points).toBeCloseTo((100 * 2.25) / 3.25 - (100 * 1.25) / 4.25, 8);
    expect(costs[1].points).toBeCloseTo((100 * 1.25) / 3.25 - (100 * 1.25) / 4.25, 8);
    expect(costs.map((c) => c.outcome)).toEqual(['negative', 'neutral']);
  });

  it('an average window averages its parts, each without the contract where it counts', () => {
    const h = history([
      endedOn('old', '2026-07-01', { client: 'a', earnings: 100, feedback: { public: 4 } }),
      endedOn('s1', '2026-10-01', { client: 'b', earnings: 100, feedback: { public: 5 } }),
      endedOn('s2', '2026-10-02', { client: 'c', earnings: 100, feedback: { public: 5 } }),
    ]);
    const estimate = estimateReport(prepare(h, rules, '2026-11-26'));
    // 'old' is in 6m (score 66.67) but not 3m (100): trending 83.33; without it 100.
    const [cost] = contractCosts(estimate, rules, 'trending');
    expect(cost.id).toBe('old');
    expect(cost.points).toBeCloseTo(100 - (200 / 3 + 100) / 2, 8);
  });

  it("a window's only contract has no cost figure (the window would hold nothing)", () => {
    const h = history([endedOn('n', '2026-10-01', { client: 'a', earnings: 100, feedback: { public: 4 } })]);
    expect(contractCosts(estimateReport(prepare(h, rules, '2026-11-26')), rules, '6m')).toEqual([
      { id: 'n', outcome: 'neutral', points: null },
    ]);
  });

  it('equals the engine run without the contract, for contracts whose client has no other contract', () => {
    fc.assert(
      fc.property(historyCase(10), ({ asOf, rules: k, history: h }) => {
        const set = RULE_SETS[k];
        const estimate = estimateReport(prepare(h, set, asOf), { horizonDays: 0 });
        for (const w of set.windows) {
          for (const cost of contractCosts(estimate, set, w.name)) {
            const c = h.contracts.find((x) => x.id === cost.id);
            if (!c || h.contracts.filter((x) => x.client === c.client).length > 1) continue;
            const rest = { ...h, contracts: h.contracts.filter((x) => x.id !== cost.id) };
            const after = estimateReport(prepare(rest, set, asOf), { horizonDays: 0 }).windows.find(
              (x) => x.name === w.name,
            )?.score;
            const before = estimate.windows.find((x) => x.name === w.name)?.score;
            if (cost.points === null) expect(after === null || before === null).toBe(true);
            else expect(cost.points).toBeCloseTo((after as number) - (before as number), 6);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('reportPage', () => {
  it('holds the estimate and forecast reports as the commands make them, and a window score for every change', () => {
    const h = history([
      endedOn('a', '2025-12-01', { client: 'a', earnings: 100, feedback: { public: 5 } }),
      endedOn('b', '2026-06-01', { client: 'b', earnings: 100, feedback: { public: 2 } }),
      endedOn('c', '2026-10-01', { client: 'c', earnings: 100, feedback: { public: 5 } }),
    ]);
    const prepared = prepare(h, rules, '2026-11-26');
    const page = reportPage(prepared);
    expect(page.estimate).toEqual(estimateReport(prepared));
    expect(page.forecast).toEqual(forecast(prepared, { step: 'month' }));
    expect(page.until).toBe('2028-11-26');
    // Windows change as contracts leave them: 'b' leaves 6m on 2026-12-02, 12m on 2027-06-02, …
    expect(page.windowScores[0].date).toBe('2026-11-26');
    const six = rules.windows.findIndex((w) => w.name === '6m');
    const on = (date: string) => [...page.windowScores].reverse().find((p) => p.date <= date);
    expect(on('2026-12-01')?.scores[six]).toBe(0); // net: max(0, 1 − 1) / 2
    expect(on('2026-12-02')?.scores[six]).toBe(100);
    expect(page.windowScores.map((p) => p.date)).toContain('2026-12-02');
    expect(page.costWindow).toBe(page.estimate.window ?? '24m');
  });
});
