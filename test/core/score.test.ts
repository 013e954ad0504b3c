import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Contract } from '../../src/core/types.js';
import { ASOF, contractArb, contractsArb } from '../helpers/arbitrary.js';
import { contract, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const rules = upwork2024();

/** `n` ended contracts for fresh clients on `end`: `success` of them 10/10, the rest private 7 (neutral). */
function batch(n: number, success: number, end: string): Contract[] {
  return Array.from({ length: n }, (_, i) =>
    contract({
      start: end,
      end,
      firstPayment: end,
      lastPayment: end,
      earnings: 100,
      feedback: { private: i < success ? 10 : 7 },
    }),
  );
}

describe('the score', () => {
  it("reproduces Upwork's trending example: 24m 92, 12m 88, 6m 94, 3m 98 → trending 96 is shown", () => {
    const contracts = [
      ...batch(50, 49, '2026-10-01'), // 3m: 49/50
      ...batch(50, 45, '2026-07-01'), // 6m: 94/100
      ...batch(100, 82, '2026-02-01'), // 12m: 176/200
      ...batch(200, 192, '2025-06-01'), // 24m: 368/400
    ];
    const r = evaluate(history(contracts), rules, { asOf: ASOF });
    const score = Object.fromEntries(r.windows.map((w) => [w.name, w.score]));
    expect(score).toEqual({ '24m': 92, '12m': 88, '6m': 94, '3m': 98, trending: 96 });
    expect(r).toMatchObject({ shown: true, jss: 96, score: 96, window: 'trending' });
    expect(r.badges).toEqual([{ name: 'top-rated', min: 90, met: true }]);
  });

  it('net subtracts negatives, ratio does not; neutrals count in the total only', () => {
    const contracts = [
      contract({ feedback: { private: 10 } }),
      contract({ feedback: { private: 10 } }),
      contract({ feedback: { private: 8 } }),
      contract({ feedback: { private: 2 } }),
    ];
    expect(evaluate(history(contracts), rules, { asOf: ASOF }).score).toBe(25);
    expect(evaluate(history(contracts), upwork2024({ formula: 'ratio' }), { asOf: ASOF }).score).toBe(50);
  });

  it('scores keep 9 decimals; the JSS rounds half up or floors', () => {
    const contracts = [
      contract({ feedback: { private: 10 } }),
      contract({ feedback: { private: 10 } }),
      contract({ feedback: { private: 8 } }),
    ];
    const r = evaluate(history(contracts), rules, { asOf: ASOF });
    expect(r.score).toBe(66.666666667);
    expect(r.jss).toBe(67);
    expect(evaluate(history(contracts), upwork2024({ rounding: 'floor' }), { asOf: ASOF }).jss).toBe(66);
  });

  it('no JSS is shown until the 24-month window holds 2 outcomes from 2 clients', () => {
    const one = [contract({ client: 'a' }), contract({ client: 'a' })];
    expect(evaluate(history(one), rules, { asOf: ASOF })).toMatchObject({
      shown: false,
      jss: null,
      score: null,
      window: null,
    });
    const two = [contract({ client: 'a' }), contract({ client: 'b' })];
    expect(evaluate(history(two), rules, { asOf: ASOF })).toMatchObject({ shown: true, jss: 100 });
  });

  it('an empty history shows no score and every window is empty', () => {
    const r = evaluate(history([]), rules, { asOf: ASOF });
    expect(r.shown).toBe(false);
    expect(r.windows.every((w) => w.score === null && !w.eligible)).toBe(true);
  });
});

describe('invariants (property tests)', () => {
  const scoresOf = (contracts: Contract[]) =>
    evaluate(history(contracts), rules, { asOf: ASOF }).windows.map((w) => w.score);

  it('every score stays within 0..100', () => {
    fc.assert(
      fc.property(contractsArb({ guesses: true }), (contracts) => {
        const r = evaluate(history(contracts), rules, { asOf: ASOF });
        for (const w of r.windows) if (w.score !== null) expect(w.score).toBeGreaterThanOrEqual(0);
        for (const w of r.windows) if (w.score !== null) expect(w.score).toBeLessThanOrEqual(100);
        if (r.jss !== null) expect(r.jss).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('the order of contracts does not matter', () => {
    fc.assert(
      fc.property(contractsArb({ guesses: true }), fc.integer(), (contracts, seed) => {
        const shuffled = [...contracts].sort(
          (a, b) => ((a.id.length * seed) % 7) - ((b.id.length * seed) % 7) || (b.id < a.id ? -1 : 1),
        );
        const a = evaluate(history(contracts), rules, { asOf: ASOF });
        const b = evaluate(history(shuffled), rules, { asOf: ASOF });
        expect(b.windows).toEqual(a.windows);
        expect(b.jss).toBe(a.jss);
      }),
    );
  });

  const fresh = (outcome: 'success' | 'negative') =>
    contractArb({ spanDays: 800 }).map((c) => ({
      ...c,
      id: 'NEW',
      client: 'brand-new-client',
      status: 'ended' as const,
      end: c.end ?? c.start,
      endedBy: 'client' as const,
      endReason: 'completed' as const,
      // one payment day, so the new client is never a long-term one (that would make it a success)
      firstPayment: c.earnings > 0 ? (c.end ?? c.start) : undefined,
      lastPayment: c.earnings > 0 ? (c.end ?? c.start) : undefined,
      dispute: 'none' as const,
      clientSuspended: false,
      earnings: c.earnings,
      refunded: 0,
      feedback: outcome === 'success' ? { public: 5, private: 10 } : { public: 1, private: 0 },
    }));

  it('adding a success for a new client never lowers a window score; adding a negative never raises one', () => {
    fc.assert(
      fc.property(contractsArb(), fresh('success'), fresh('negative'), (contracts, good, bad) => {
        const before = scoresOf(contracts);
        const withGood = scoresOf([...contracts, good]);
        const withBad = scoresOf([...contracts, bad]);
        before.forEach((s, i) => {
          if (s === null) return;
          expect(withGood[i]).toBeGreaterThanOrEqual(s - 1e-9);
          expect(withBad[i]).toBeLessThanOrEqual(s + 1e-9);
        });
      }),
    );
  });

  it('a contract for a new client that lies outside every window changes nothing', () => {
    fc.assert(
      fc.property(contractsArb(), fc.integer({ min: 1, max: 2000 }), (contracts, back) => {
        const old = contract({
          client: 'ancient',
          start: '2020-01-01',
          end: `2024-11-${String(25 - (back % 20)).padStart(2, '0')}`,
          firstPayment: '2020-01-01',
          lastPayment: '2020-02-01',
          feedback: { private: 0 },
        });
        const a = evaluate(history(contracts), rules, { asOf: ASOF });
        const b = evaluate(history([...contracts, old]), rules, { asOf: ASOF });
        expect(b.windows).toEqual(a.windows);
        expect(b.jss).toBe(a.jss);
        expect(b.contracts.at(-1)?.windows).toEqual([]);
      }),
    );
  });
});
