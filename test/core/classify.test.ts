import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import type { Contract } from '../../src/core/types.js';
import { contract, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const rules = upwork2024();
const ASOF = '2026-11-26';

function ruleOf(c: Contract, others: Contract[] = []): { outcome: string; rule: string } {
  const result = evaluate(history([c, ...others], ASOF), rules, { asOf: ASOF });
  const { outcome, rule } = result.contracts[0];
  return { outcome, rule };
}

const zero = { earnings: 0, firstPayment: undefined, lastPayment: undefined };

describe('the default classify table, rule by rule', () => {
  const cases: [string, Partial<Contract>, string][] = [
    ['suspended-client', { clientSuspended: true }, 'excluded'],
    [
      'open',
      {
        status: 'active',
        end: undefined,
        endedBy: undefined,
        endReason: undefined,
        feedback: undefined,
        lastPayment: '2026-11-01',
        start: '2026-10-01',
        firstPayment: '2026-10-05',
      },
      'pending',
    ],
    [
      'idle-paid',
      {
        status: 'paused',
        end: undefined,
        endedBy: undefined,
        endReason: undefined,
        feedback: undefined,
        start: '2026-01-01',
        firstPayment: '2026-01-10',
        lastPayment: '2026-03-01',
      },
      'neutral',
    ],
    ['dispute-lost', { dispute: 'lost' }, 'negative'],
    ['no-feedback', { feedback: 'none' }, 'excluded'],
    ['zero-earnings-detractor', { ...zero, feedback: { private: 6 } }, 'negative'],
    ['zero-earnings-blamed', { ...zero, endReason: 'quality', feedback: { private: 8 } }, 'negative'],
    ['zero-earnings', { ...zero, feedback: { public: 5, private: 10 } }, 'excluded'],
    ['private-promoter', { feedback: { public: 1, private: 9 } }, 'success'],
    ['private-passive', { feedback: { public: 5, private: 8 } }, 'neutral'],
    ['private-detractor', { feedback: { public: 5, private: 6 } }, 'negative'],
    ['blamed', { endReason: 'completed-unsuccessfully', feedback: { public: 5 } }, 'negative'],
    ['public-high', { feedback: { public: 4.5 } }, 'success'],
    ['public-mid', { feedback: { public: 4 } }, 'neutral'],
    ['public-low', { feedback: { public: 3.9 } }, 'negative'],
    ['completed', { feedback: undefined }, 'success'],
    ['otherwise', { feedback: undefined, endReason: 'hired-different' }, 'neutral'],
  ];
  for (const [rule, fields, outcome] of cases) {
    it(`${rule} → ${outcome}`, () => {
      expect(ruleOf(contract(fields))).toEqual({ outcome, rule });
    });
  }

  it('long-term-client → success, for every contract of a client paid over more than 90 days', () => {
    const a = contract({
      client: 'lt',
      firstPayment: '2026-01-01',
      lastPayment: '2026-01-01',
      start: '2026-01-01',
      end: '2026-01-02',
      feedback: { private: 2 },
    });
    const b = contract({
      client: 'lt',
      firstPayment: '2026-04-02',
      lastPayment: '2026-04-02',
      start: '2026-04-01',
      end: '2026-04-03',
    });
    expect(ruleOf(a, [b])).toEqual({ outcome: 'success', rule: 'long-term-client' });
  });

  it('the last rule catches everything, and a range never matches a missing value', () => {
    const c = contract({ feedback: { public: 4.2 }, endReason: undefined, endedBy: undefined });
    expect(ruleOf(c)).toEqual({ outcome: 'neutral', rule: 'public-mid' });
    expect(ruleOf(contract({ feedback: undefined, endReason: undefined }))).toEqual({
      outcome: 'neutral',
      rule: 'otherwise',
    });
  });

  it('earnings in a matcher are net of refunds', () => {
    const refunded = contract({ earnings: 300, refunded: 300, feedback: { private: 5 } });
    expect(ruleOf(refunded)).toEqual({ outcome: 'negative', rule: 'zero-earnings-detractor' });
  });
});

describe('money', () => {
  it('net earnings are whole cents: $3.00 − $2.99 refunded leaves $0.01, which counts as paid', () => {
    const idle = contract({
      status: 'paused',
      end: undefined,
      endedBy: undefined,
      endReason: undefined,
      feedback: undefined,
      earnings: 3,
      refunded: 2.99,
      start: '2026-01-01',
      firstPayment: '2026-01-01',
      lastPayment: '2026-01-02',
    });
    expect(ruleOf(idle)).toEqual({ outcome: 'neutral', rule: 'idle-paid' });
  });
});
