import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/core/dates.js';
import { prepare, stateAt } from '../../src/core/evaluate.js';
import { buildTimeline, selectionsOn } from '../../src/core/timeline.js';
import { selectionOf } from '../../src/core/windows.js';
import { historyCase, RULE_SETS } from './random-history.js';

const RUNS = Number(process.env.JSS_REFERENCE_RUNS ?? 300) * 4;

/**
 * The timeline's shortcuts against its plain sweep and against evaluating each day: starting from
 * the evaluation date's state, stopping at the first change of the JSS, and packing events.
 */
describe('the timeline', () => {
  it('from the evaluation date state is the timeline counted from scratch', () => {
    fc.assert(
      fc.property(historyCase(12), ({ asOf, rules, history }) => {
        const prepared = prepare(history, RULE_SETS[rules], asOf);
        const until = addMonths(prepared.asOf, 24);
        const plain = buildTimeline(prepared, until, { events: true, windowScores: true });
        const now = stateAt(prepared, prepared.asOf);
        expect(buildTimeline(prepared, until, { events: true, windowScores: true, now })).toEqual(plain);
        // stopped at the first change of the JSS: the same steps up to that day, and its events
        const stopped = buildTimeline(prepared, until, { events: true, untilJssChanges: true, now });
        const steps = stopped.selectionSteps;
        const jssChanged =
          steps.length > 1 && steps[steps.length - 2].selection.jss !== steps[steps.length - 1].selection.jss;
        const last = jssChanged ? steps[steps.length - 1].day : until;
        expect(steps).toEqual(plain.selectionSteps.filter((s) => s.day <= last));
        expect(stopped.events).toEqual(plain.events.filter((e) => e.day === last));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives on each day the selection of that day evaluated on its own', () => {
    fc.assert(
      fc.property(
        historyCase(12),
        fc.array(fc.integer({ min: 0, max: 740 }), { maxLength: 8 }),
        (c, offsets) => {
          const prepared = prepare(c.history, RULE_SETS[c.rules], c.asOf);
          const until = addMonths(prepared.asOf, 24);
          const days = [...new Set(offsets.map((k) => Math.min(until, prepared.asOf + k)))].sort(
            (a, b) => a - b,
          );
          const { selectionSteps } = buildTimeline(prepared, until);
          const expected = days.map((day) => selectionOf(prepared.rules, stateAt(prepared, day).totals));
          expect(selectionsOn(selectionSteps, days)).toEqual(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
