import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractReadings, hiddenFacts, starPoints } from '../../src/core/hidden-facts.js';
import { infer } from '../../src/core/infer.js';
import type { Contract, History, RuleSet } from '../../src/core/types.js';
import { loadHistory } from '../../src/io/load-history.js';
import { loadRuleSet } from '../../src/rules/load-rules.js';
import { contract } from '../helpers/history.js';
import { repoRoot } from '../helpers/run-cli.js';

let rules: RuleSet;
let drop: History;
beforeAll(async () => {
  rules = (await loadRuleSet('upwork-2024', { cwd: repoRoot })).ruleSet;
  drop = (await loadHistory(join(repoRoot, 'examples/why-did-it-drop.yaml'), { today: '2026-11-26' }))
    .history;
});

/** An ended contract with only the feedback, `endedBy` and `endReason` given. */
function ended(fields: Partial<Contract>): Contract {
  const c = contract({ status: 'ended', start: '2026-01-01', end: '2026-02-01' });
  delete c.feedback;
  delete c.endedBy;
  delete c.endReason;
  return { ...c, ...fields };
}

describe('hidden facts (DESIGN §8)', () => {
  it('a private rating when feedback has none; the whole feedback when omitted; the reason when the client ended it or nobody says who', () => {
    expect(
      hiddenFacts(ended({ feedback: { public: 5 }, endedBy: 'freelancer', endReason: 'completed' })),
    ).toEqual({
      privateRating: true,
      feedback: false,
      endReason: false,
    });
    expect(
      hiddenFacts(ended({ feedback: { public: 5, private: 'none' }, endedBy: 'freelancer' })),
    ).toBeUndefined();
    expect(hiddenFacts(ended({ endedBy: 'freelancer', endReason: 'completed' }))?.feedback).toBe(true);
    expect(hiddenFacts(ended({ feedback: 'none', endedBy: 'client' }))?.endReason).toBe(true);
    expect(hiddenFacts(ended({ feedback: 'none' }))?.endReason).toBe(true);
    expect(hiddenFacts(ended({ feedback: 'none', endedBy: 'upwork' }))).toBeUndefined();
    expect(hiddenFacts(contract({ status: 'active' }))).toBeUndefined();
  });

  it("the file's reading comes first; a private rating takes none or 0..10", () => {
    const c = ended({ feedback: { public: 5 }, endedBy: 'freelancer', endReason: 'completed' });
    const values = contractReadings(c, hiddenFacts(c) as never, rules);
    expect(values[0].feedback).toEqual({ public: 5 });
    expect(values.map((v) => (v.feedback as { private?: number }).private)).toEqual([
      undefined,
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
    ]);
  });

  it("stars: every bound of the rule set's public ranges in 1..5, and a point between each two", () => {
    expect(starPoints(rules)).toEqual([1, 2.5, 4, 4.25, 4.5, 4.75, 5]);
  });
});

describe('infer', () => {
  it('a search that runs out of steps settles nothing it did not prove, and says so', () => {
    const observed = drop.observed ?? [];
    const full = infer(drop, rules, { asOf: '2026-11-26', observed });
    expect(full.complete).toBe(true);
    for (const budget of [1, 5, 20, 60, 200]) {
      const cut = infer(drop, rules, { asOf: '2026-11-26', observed, budget });
      if (cut.complete) continue;
      expect(cut.fits === null || cut.explanations === null || cut.now === null).toBe(true);
      if (cut.fits !== null) expect(cut.fits).toBe(true);
      if (cut.now !== null) expect(cut.now).toEqual(full.now);
      if (cut.explanations !== null) expect(cut.explanations).toEqual(full.explanations);
      cut.hidden.forEach((h, k) => {
        for (const v of h.possible) expect(full.hidden[k].possible).toContainEqual(v);
        for (const v of h.ruledOut) expect(full.hidden[k].ruledOut).toContainEqual(v);
        expect([...h.possible, ...h.ruledOut, ...h.unresolved]).toHaveLength(
          full.hidden[k].possible.length + full.hidden[k].ruledOut.length,
        );
      });
      expect(
        cut.hidden.some((h) => h.unresolved.length > 0) || cut.observations.some((o) => o.range === null),
      ).toBe(true);
    }
    const none = infer(drop, rules, { asOf: '2026-11-26', observed, budget: 1 });
    expect(none).toMatchObject({ complete: false, fits: null, explanations: null, now: null });
  });
});

describe('infer: between observations', () => {
  it('lists what changed each day under the file reading, an open contract turning idle included', () => {
    const open = contract({
      id: 'OPEN',
      status: 'active',
      start: '2026-03-01',
      earnings: 800,
      firstPayment: '2026-03-15',
      lastPayment: '2026-06-01',
    });
    const h: History = {
      version: 1,
      asOf: '2026-11-26',
      contracts: [
        contract({
          id: 'A',
          end: '2026-05-01',
          start: '2026-04-01',
          firstPayment: '2026-04-10',
          lastPayment: '2026-05-01',
        }),
        ended({
          id: 'B',
          client: 'b',
          feedback: { public: 5 },
          endedBy: 'freelancer',
          endReason: 'completed',
          start: '2026-07-01',
          end: '2026-08-20',
          firstPayment: '2026-07-10',
          lastPayment: '2026-08-20',
        }),
        open,
      ],
      observed: [
        { date: '2026-08-01', jss: null },
        { date: '2026-09-15', jss: null },
      ],
    };
    const report = infer(h, rules, { asOf: '2026-11-26' });
    expect(report.between).toEqual([
      {
        from: '2026-08-01',
        to: '2026-09-15',
        events: [
          ...['24m', '12m', '6m', '3m'].map((window) => ({
            date: '2026-08-20',
            contract: 'B',
            window,
            what: 'enters',
          })),
          { date: '2026-08-30', contract: 'OPEN', window: null, what: 'turns-idle' },
          ...['24m', '12m', '6m', '3m'].map((window) => ({
            date: '2026-08-30',
            contract: 'OPEN',
            window,
            what: 'enters',
          })),
          { date: '2026-08-02', contract: 'A', window: '3m', what: 'leaves' },
        ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      },
    ]);
    expect(report.hidden.map((x) => x.contract)).toEqual(['B']);
  });
});
