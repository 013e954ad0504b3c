import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { rewindHistory } from '../../src/core/rewind.js';
import type { History, Observation, RuleSet } from '../../src/core/types.js';
import { historyProblems } from '../../src/io/history-checks.js';
import { BUILTIN, loadRuleSet } from '../../src/rules/load-rules.js';
import { repoRoot } from '../helpers/run-cli.js';
import { referenceEvaluate } from './evaluate-reference.js';
import { addDays, caseArb } from './history-arb.js';
import { referenceRewind } from './rewind-reference.js';

const RUNS = Number(process.env.JSS_REFERENCE_RUNS ?? 300);

const ruleSets = new Map<string, RuleSet>();
beforeAll(async () => {
  for (const name of BUILTIN) ruleSets.set(name, (await loadRuleSet(name, { cwd: repoRoot })).ruleSet);
});

/** The engine's evaluation of a history on its date, cut to the fields the reference defines. */
function engineView(history: History, rules: RuleSet, day: string) {
  const e = evaluate(history, rules, { asOf: day });
  return {
    jss: e.jss,
    score: e.score,
    shown: e.shown,
    window: e.window,
    windows: e.windows.map(({ from: _from, ...w }) => w),
    contracts: e.contracts.map(({ client: _client, status: _status, ...c }) => c),
  };
}

/** Observations on a few days around the history's date, some after the day rewound to. */
const observedArb = (asOf: string): fc.Arbitrary<Observation[]> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 900 }), { maxLength: 4 })
    .chain((backs) =>
      fc
        .tuple(...backs.map(() => fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })))
        .map((scores) => backs.map((back, i) => ({ date: addDays(asOf, -back), jss: scores[i] }))),
    );

/** A history (dated H), a day E from 900 days before H up to H, and T: H or a later day. */
const rewindArb = caseArb.chain(({ history, asOf }) =>
  fc.record({
    history: observedArb(asOf).map((observed): History => ({ ...history, observed })),
    back: fc.oneof(fc.integer({ min: 0, max: 900 }), fc.constantFrom(0, 1, 89, 90, 91)),
    later: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }) },
    ),
  }),
);

describe.each(BUILTIN)('rewinding agrees with a history written as it stood that day, under %s', (name) => {
  it('evaluating the rewound history on E equals evaluating the reference history', () => {
    const rules = ruleSets.get(name)!;
    fc.assert(
      fc.property(rewindArb, ({ history, back, later }) => {
        const h = history.asOf as string;
        const fixedAt = addDays(h, later);
        // E anywhere up to T: before H, or (T later than H) between H and T
        const day = addDays(fixedAt, -back);
        const rewound = rewindHistory(history, day, fixedAt);
        const expected = referenceRewind(history, day, fixedAt);
        // a valid history, dated E, with exactly the contracts and observations of that day
        expect(rewound.history.asOf).toBe(day);
        expect(historyProblems(rewound.history, day)).toEqual([]);
        expect(rewound.history.contracts.map((c) => c.id)).toEqual(
          expected.history.contracts.map((c) => c.id),
        );
        expect(rewound.history.observed).toEqual(expected.history.observed);
        expect(rewound.warnings.map((w) => w.contract)).toEqual(expected.prorated);
        expect(rewound.warnings.every((w) => w.code === 'prorated-earnings')).toBe(true);
        const reference = referenceEvaluate(expected.history, rules, { asOf: day });
        const engine = engineView(rewound.history, rules, day);
        expect(engine.contracts).toEqual(reference.contracts);
        expect(engine).toEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('rewinding to the history date', () => {
  it('changes nothing', () => {
    const rules = ruleSets.get('upwork-2024')!;
    fc.assert(
      fc.property(caseArb, ({ history, asOf }) => {
        const rewound = rewindHistory(history, asOf, asOf);
        expect(rewound.warnings).toEqual([]);
        expect(rewound.history).toEqual(history);
        rewound.history.contracts.forEach((c, i) => {
          expect(c).toBe(history.contracts[i]);
        });
        expect(evaluate(rewound.history, rules, { asOf })).toEqual(evaluate(history, rules, { asOf }));
      }),
      { numRuns: RUNS },
    );
  });
});
