import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/core/apply-changes.js';
import { toDay, toIso } from '../../src/core/dates.js';
import { evaluate, prepare } from '../../src/core/evaluate.js';
import { pendingScenarios } from '../../src/core/scenarios.js';
import type { Contract, Feedback, History, RuleSet } from '../../src/core/types.js';
import { loadRuleSet } from '../../src/rules/load-rules.js';
import { ASOF, contractsArb } from '../helpers/arbitrary.js';
import { upwork2024 } from '../helpers/rules.js';
import { repoRoot } from '../helpers/run-cli.js';

const feedbackArb: fc.Arbitrary<Feedback | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ private: fc.integer({ min: 0, max: 10 }) }),
  fc.record({
    public: fc.integer({ min: 2, max: 10 }).map((n) => n / 2),
    private: fc.integer({ min: 0, max: 10 }),
  }),
);

/** Open contracts paused or active, with or without feedback, some paid through a payments list. */
function vary(c: Contract): fc.Arbitrary<Contract> {
  return fc.record({ paused: fc.boolean(), feedback: feedbackArb, list: fc.boolean() }).map((v) => {
    const out = { ...c };
    if (out.status !== 'ended') {
      if (v.paused) out.status = 'paused';
      if (v.feedback !== undefined) out.feedback = v.feedback;
    }
    if (v.list && out.earnings > 0 && out.firstPayment && out.lastPayment) {
      const half = Math.round(out.earnings * 50) / 100;
      out.payments = [
        { date: out.firstPayment, amount: half },
        { date: out.lastPayment, amount: Math.round((out.earnings - half) * 100) / 100 },
      ];
      delete out.firstPayment;
      delete out.lastPayment;
    }
    return out;
  });
}

const historyArb: fc.Arbitrary<History> = contractsArb({ clients: 4, guesses: true, min: 1, max: 18 })
  .chain((list) => fc.tuple(...list.map(vary)))
  .map((contracts) => ({ version: 1 as const, asOf: ASOF, contracts }));

describe('scenario outcomes, incrementally and from scratch', () => {
  const ruleSets: RuleSet[] = [upwork2024()];
  beforeAll(async () => {
    for (const name of ['upwork-2015', 'pessimistic', 'upwork-2020']) {
      ruleSets.push((await loadRuleSet(name, { cwd: repoRoot })).ruleSet);
    }
  });

  it('every outcome delta, now and at the horizon, is the difference of two full evaluations', () => {
    let checked = 0;
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 400 }), fc.nat(3), (h, horizonDays, which) => {
        const rules = ruleSets[which % ruleSets.length];
        const prepared = prepare(h, rules, ASOF);
        const pending = pendingScenarios(prepared, horizonDays);
        const horizon = toIso(toDay(ASOF) + horizonDays);
        const base = {
          now: evaluate(h, rules, { asOf: ASOF }).jss,
          horizon: evaluate(h, rules, { asOf: ASOF, at: horizon }).jss,
        };
        expect(pending.map((p) => p.id)).toEqual(
          h.contracts.filter((c) => c.status !== 'ended').map((c) => c.id),
        );
        for (const p of pending) {
          for (const s of p.scenarios) {
            for (const o of s.outcomes) {
              const changed = applyChanges(
                h,
                { set: [{ contract: p.id, scenario: s.name, outcome: o.name }] },
                rules,
                ASOF,
              );
              const now = evaluate(changed, rules, { asOf: ASOF }).jss;
              const later = evaluate(changed, rules, { asOf: ASOF, at: horizon }).jss;
              const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
              expect(o.now).toEqual({ jss: now, delta: diff(now, base.now) });
              expect(o.horizon).toEqual({ date: horizon, jss: later, delta: diff(later, base.horizon) });
              checked++;
            }
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(1000);
  });
});
