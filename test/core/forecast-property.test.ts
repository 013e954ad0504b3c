import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluate, prepare } from '../../src/core/evaluate.js';
import { forecast } from '../../src/core/forecast.js';
import type { RuleSet } from '../../src/core/types.js';
import { reaches } from '../../src/core/windows.js';
import { historyCase, RULE_SETS } from './random-history.js';

/**
 * Random histories whose contracts all state their payment dates (nothing is guessed), forecast
 * day by day for the default 24 months, checked against a plain evaluate() on every single day:
 * the series, the crossings between consecutive days, and the events (window membership and
 * classification changes) must all agree.
 */

function membershipEvents(prev: Evaluation, cur: Evaluation, ruleSet: RuleSet) {
  const out: { date: string; contract: string; window: string | null; what: string }[] = [];
  const names = ruleSet.windows.filter((w) => !('average' in w)).map((w) => w.name);
  cur.contracts.forEach((c, i) => {
    const p = prev.contracts[i];
    if (p.outcome !== c.outcome || p.rule !== c.rule)
      out.push({ date: cur.date, contract: c.id, window: null, what: 'turns-idle' });
    for (const w of names) {
      const was = p.windows.includes(w);
      const is = c.windows.includes(w);
      if (was !== is) out.push({ date: cur.date, contract: c.id, window: w, what: is ? 'enters' : 'leaves' });
    }
  });
  return out;
}

describe('forecast agrees with evaluate() on every day', () => {
  it('series, crossings and events', () => {
    fc.assert(
      fc.property(historyCase(), ({ asOf: asOfIso, rules, history: h }) => {
        const ruleSet = RULE_SETS[rules];
        const report = forecast(prepare(h, ruleSet, asOfIso), { step: 'day' });
        const plain = report.series.map((p) => evaluate(h, ruleSet, { asOf: asOfIso, at: p.date }));
        expect(report.series).toEqual(
          plain.map((e) => ({ date: e.date, jss: e.jss, score: e.score, window: e.window })),
        );

        const crossings = [];
        const events = [];
        for (let i = 1; i < plain.length; i++) {
          const [a, b] = [plain[i - 1], plain[i]];
          if (a.shown !== b.shown)
            crossings.push({ threshold: null, date: b.date, direction: b.shown ? 'up' : 'down' });
          for (const t of ruleSet.thresholds) {
            if (reaches(a.jss, t) !== reaches(b.jss, t)) {
              crossings.push({ threshold: t, date: b.date, direction: reaches(b.jss, t) ? 'up' : 'down' });
            }
          }
          events.push(...membershipEvents(a, b, ruleSet));
        }
        expect(report.crossings).toEqual(crossings);
        expect(report.events).toEqual(events);
      }),
      { numRuns: 60 },
    );
  });
});
