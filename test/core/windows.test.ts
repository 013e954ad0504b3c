import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountedOutcome } from '../../src/core/classify.js';
import { addMonths, toDay, toIso } from '../../src/core/dates.js';
import { evaluate } from '../../src/core/evaluate.js';
import type { Contract } from '../../src/core/types.js';
import { addCounted, emptyTotals, leavesWindow } from '../../src/core/windows.js';
import { contract, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const rules = upwork2024();

function windowsOf(c: Contract, asOf: string): string[] {
  const other = contract({ end: asOf, lastPayment: asOf, start: asOf, firstPayment: asOf });
  return evaluate(history([c, other], asOf), rules, { asOf }).contracts[0].windows;
}

function endedOn(end: string): Contract {
  return contract({ start: end, end, firstPayment: end, lastPayment: end });
}

describe('window edges', () => {
  it('a contract ended exactly six months before the evaluation date is in the 6-month window; a day older is not', () => {
    expect(windowsOf(endedOn('2026-05-26'), '2026-11-26')).toContain('6m');
    expect(windowsOf(endedOn('2026-05-25'), '2026-11-26')).not.toContain('6m');
    expect(windowsOf(endedOn('2026-05-25'), '2026-11-26')).toContain('12m');
  });

  it('month-end evaluation dates clamp: 2026-08-31 minus 6 months is 2026-02-28', () => {
    expect(toIso(addMonths(toDay('2026-08-31'), -6))).toBe('2026-02-28');
    expect(windowsOf(endedOn('2026-02-28'), '2026-08-31')).toContain('6m');
    expect(windowsOf(endedOn('2026-02-27'), '2026-08-31')).not.toContain('6m');
    expect(toIso(addMonths(toDay('2028-03-31'), -1))).toBe('2028-02-29');
  });

  it('a contract leaves a window when it is M months and one day old', () => {
    expect(toIso(leavesWindow(toDay('2026-02-10'), 6))).toBe('2026-08-11');
    // Several evaluation days clamp to the same window start; it leaves on the first day past it.
    expect(toIso(leavesWindow(toDay('2026-08-31'), 6))).toBe('2027-03-01');
    expect(toIso(leavesWindow(toDay('2024-02-29'), 24))).toBe('2026-03-01');
  });

  it('a contract is not counted before its counting date', () => {
    expect(windowsOf(endedOn('2026-11-26'), '2026-11-26')).toEqual(['24m', '12m', '6m', '3m']);
  });
});

describe('idle and long-term edges', () => {
  const open = (lastPayment: string): Contract =>
    contract({
      status: 'active',
      end: undefined,
      endedBy: undefined,
      endReason: undefined,
      feedback: undefined,
      start: '2026-08-01',
      firstPayment: '2026-08-01',
      lastPayment,
    });

  it('an open contract turns idle exactly 90 days after its last payment, counted from that day', () => {
    const c = open('2026-08-28'); // + 90 days = 2026-11-26
    const at = (asOf: string) => evaluate(history([c], asOf), rules, { asOf }).contracts[0];
    expect(at('2026-11-25')).toMatchObject({ outcome: 'pending', rule: 'open', countedFrom: null });
    expect(at('2026-11-26')).toMatchObject({
      outcome: 'neutral',
      rule: 'idle-paid',
      countedFrom: '2026-11-26',
    });
  });

  it('an unpaid open contract turns idle 90 days after its start, and then counts as nothing (zero earnings)', () => {
    const c = contract({
      status: 'paused',
      end: undefined,
      endedBy: undefined,
      endReason: undefined,
      feedback: undefined,
      earnings: 0,
      start: '2026-08-28',
    });
    const at = (asOf: string) => evaluate(history([c], asOf), rules, { asOf }).contracts[0];
    expect(at('2026-11-25')).toMatchObject({ outcome: 'pending', rule: 'open' });
    expect(at('2026-11-26')).toMatchObject({ outcome: 'excluded', rule: 'zero-earnings', countedFrom: null });
  });

  it("a client's payments 91 days apart make a long-term client; 90 do not", () => {
    const pair = (second: string) => [
      contract({
        client: 'x',
        start: '2026-01-01',
        end: '2026-01-01',
        firstPayment: '2026-01-01',
        lastPayment: '2026-01-01',
        feedback: { private: 3 },
      }),
      contract({ client: 'x', start: second, end: second, firstPayment: second, lastPayment: second }),
    ];
    const ruleFor = (second: string) =>
      evaluate(history(pair(second)), rules, { asOf: '2026-11-26' }).contracts[0].rule;
    expect(ruleFor('2026-04-02')).toBe('long-term-client'); // 91 days
    expect(ruleFor('2026-04-01')).toBe('private-detractor'); // 90 days
  });
});

describe('weights', () => {
  const weightOf = (fields: Partial<Contract>) =>
    evaluate(history([contract(fields)]), rules, { asOf: '2026-11-26' }).contracts[0].weight;

  it('tiers by net earnings: $250 is 1, $250.01 is 1.25, $1,000 is 1.25, $1,000.01 is 1.5; $0 takes the first tier', () => {
    expect(weightOf({ earnings: 250 })).toBe(1);
    expect(weightOf({ earnings: 250.01 })).toBe(1.25);
    expect(weightOf({ earnings: 1000 })).toBe(1.25);
    expect(weightOf({ earnings: 1000.01 })).toBe(1.5);
    expect(weightOf({ earnings: 1200, refunded: 300 })).toBe(1.25);
    expect(weightOf({ earnings: 0, feedback: { private: 2 } })).toBe(1);
  });

  it('the bonus counts 90-day periods that hold a payment, capped at 8', () => {
    const pay = (dates: string[]) => dates.map((date) => ({ date, amount: 100 }));
    // first 2026-01-01; period 1 = days 90..179 (2026-04-01..2026-06-29); period 3 = days 270..359
    expect(
      weightOf({
        earnings: 300,
        start: '2026-01-01',
        end: '2026-12-31',
        payments: pay(['2026-01-01', '2026-04-01', '2026-10-01']),
      }),
    ).toBe(1.25 + 2);
    expect(
      weightOf({
        earnings: 200,
        start: '2026-01-01',
        end: '2026-12-31',
        payments: pay(['2026-01-01', '2026-03-31']),
      }),
    ).toBe(1);
    // Without a list: whole periods between first and last payment.
    expect(
      weightOf({
        earnings: 2000,
        start: '2020-01-01',
        firstPayment: '2020-01-01',
        lastPayment: '2026-01-01',
        end: '2026-01-02',
      }),
    ).toBe(8);
    expect(
      weightOf({
        earnings: 2000,
        start: '2026-01-01',
        firstPayment: '2026-01-01',
        lastPayment: '2026-06-29',
        end: '2026-07-01',
      }),
    ).toBe(2.5);
  });
});

describe('window totals', () => {
  it('count clients by number, grow past their first size, and come back exactly when contracts leave', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            client: fc.integer({ min: 0, max: 40 }),
            outcome: fc.constantFrom<CountedOutcome>('success', 'neutral', 'negative'),
            weight: fc.constantFrom(1, 1.5, 2.25, 0.1),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 0, max: 8 }),
        (added, capacity) => {
          const t = emptyTotals(capacity);
          for (const a of added) addCounted(t, a.outcome, a.weight, a.client, 1);
          expect(t.clients).toBe(new Set(added.map((a) => a.client)).size);
          expect(t.outcomes).toBe(added.length);
          const sum = (o: CountedOutcome) =>
            added.filter((a) => a.outcome === o).reduce((s, a) => s + Math.round(a.weight * 1e6), 0);
          expect([t.success, t.neutral, t.negative]).toEqual([
            sum('success'),
            sum('neutral'),
            sum('negative'),
          ]);
          // removed in another order: nothing is left
          for (const a of [...added].reverse()) addCounted(t, a.outcome, a.weight, a.client, -1);
          expect([t.success, t.neutral, t.negative, t.outcomes, t.clients]).toEqual([0, 0, 0, 0, 0]);
          expect(t.perClient.every((n) => n === 0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
