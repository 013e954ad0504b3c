import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, toDay, toIso } from '../../src/core/dates.js';
import { nextChange } from '../../src/core/estimate.js';
import { evaluate, prepare, stateAt } from '../../src/core/evaluate.js';
import { forecast } from '../../src/core/forecast.js';
import { historyCase, RULE_SETS } from './random-history.js';

/**
 * `next` (DESIGN §5) against plain evaluate(): the first day after the evaluation date, up to 24
 * months on, whose JSS differs from the day before, found by scanning day by day; its events are
 * the forecast's events of that day.
 */
describe('next agrees with a day-by-day scan', () => {
  it('date, from, to and events', () => {
    let found = 0;
    fc.assert(
      fc.property(historyCase(10), ({ asOf, rules, history }) => {
        const ruleSet = RULE_SETS[rules];
        const prepared = prepare(history, ruleSet, asOf);
        const jss = (day: number) => evaluate(history, ruleSet, { asOf, at: toIso(day) }).jss;
        const first = toDay(asOf);
        let expected: { date: string; from: number | null; to: number | null } | null = null;
        let before = jss(first);
        for (let day = first + 1; day <= addMonths(first, 24); day++) {
          const now = jss(day);
          if (now !== before) {
            expected = { date: toIso(day), from: before, to: now };
            break;
          }
          before = now;
        }
        const next = nextChange(prepared);
        // estimate passes the evaluation date's state it already has: the same answer
        expect(nextChange(prepared, stateAt(prepared, prepared.asOf))).toEqual(next);
        if (expected === null) {
          expect(next).toBeNull();
          return;
        }
        found++;
        const events = forecast(prepared, { until: expected.date, step: 'day' })
          .events.filter((e) => e.date === expected?.date)
          .map(({ contract, window, what }) => ({ contract, window, what }));
        expect(next).toEqual({ ...expected, events });
      }),
      { numRuns: 30 },
    );
    expect(found).toBeGreaterThan(5);
  });
});
