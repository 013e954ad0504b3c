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
import { referenceContinue } from '../reference/continue-reference.js';
import { referenceEvaluate } from '../reference/evaluate-reference.js';

/** keep-working's when: { idle: false, earnings: { min: 0.01 } }, decided from the contract's own dates. */
function offered(c: Contract, h: History, rules: RuleSet): boolean {
  if (c.earnings - c.refunded < 0.01 || !h.asOf) return false;
  const last =
    c.payments && c.payments.length > 0
      ? c.payments
          .map((p) => p.date)
          .sort()
          .at(-1)
      : (c.lastPayment ?? h.asOf);
  return toDay(h.asOf) < toDay(last as string) + rules.idle.afterDays;
}

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
  const gaps = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 0, maxLength: 6 });
  return fc.record({ paused: fc.boolean(), feedback: feedbackArb, list: fc.boolean(), gaps }).map((v) => {
    const out = { ...c };
    if (out.status !== 'ended') {
      if (v.paused) out.status = 'paused';
      if (v.feedback !== undefined) out.feedback = v.feedback;
    }
    if (v.list && out.earnings > 0 && out.firstPayment && out.lastPayment) {
      const half = Math.round(out.earnings * 50) / 100;
      // a rhythm: the first payment, then payments every gap after it (kept before the last)
      const first = toDay(out.firstPayment);
      const last = toDay(out.lastPayment);
      const middle: string[] = [];
      let day = first;
      for (const gap of v.gaps) {
        day += gap;
        if (day >= last) break;
        middle.push(toIso(day));
      }
      out.payments = [
        { date: out.firstPayment, amount: half },
        ...middle.map((date) => ({ date, amount: 0.01 })),
        {
          date: out.lastPayment,
          amount: Math.round((out.earnings - half - middle.length * 0.01) * 100) / 100,
        },
      ].filter((p) => p.amount > 0);
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
    for (const name of ['upwork-2015', 'pessimistic', 'upwork-2020', 'upwork-2026']) {
      ruleSets.push((await loadRuleSet(name, { cwd: repoRoot })).ruleSet);
    }
  });

  it('every outcome delta, now and at the horizon, is the difference of two full evaluations', () => {
    let checked = 0;
    let continued = 0;
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 400 }), fc.nat(4), (h, horizonDays, which) => {
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
          // a scenario is offered exactly when its when: holds on the evaluation date
          const contract = h.contracts.find((c) => c.id === p.id) as Contract;
          expect(p.scenarios.map((s) => s.name)).toEqual(
            rules.scenarios.filter((s) => !s.when || offered(contract, h, rules)).map((s) => s.name),
          );
          for (const s of p.scenarios) {
            for (const o of s.outcomes) {
              const set = { set: [{ contract: p.id, scenario: s.name, outcome: o.name }] };
              const changed = applyChanges(h, set, rules, ASOF);
              // payments continue up to the day scored: the horizon has its own changed history
              const changedLater = applyChanges(h, set, rules, ASOF, horizon);
              const now = evaluate(changed, rules, { asOf: ASOF }).jss;
              const later = evaluate(changedLater, rules, { asOf: ASOF, at: horizon }).jss;
              if (s.name === 'keep-working') {
                // … and the reference, written from DESIGN alone, agrees on both
                const byReference = {
                  ...h,
                  contracts: h.contracts.map((c) =>
                    c.id === p.id ? referenceContinue(c, ASOF, horizon) : c,
                  ),
                };
                expect(changedLater).toEqual(byReference);
                expect(later).toBe(referenceEvaluate(byReference, rules, { asOf: ASOF, at: horizon }).jss);
                continued++;
              }
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
    expect(continued).toBeGreaterThan(100);
  });
});
