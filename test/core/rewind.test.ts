import { describe, expect, it } from 'vitest';
import { againstObserved, modelJssOn } from '../../src/core/against-observed.js';
import { evaluate } from '../../src/core/evaluate.js';
import { mergeObservations } from '../../src/core/observations.js';
import { proratedCents, rewindHistory } from '../../src/core/rewind.js';
import type { Contract, History } from '../../src/core/types.js';
import { contract, history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const H = '2026-11-26';

function open(fields: Partial<Contract>): Contract {
  return contract({ status: 'active', start: '2026-01-01', earnings: 0, ...fields });
}

describe('rewindHistory', () => {
  it('leaves out contracts not started yet and keeps those ended by then as they are', () => {
    const before = contract({ id: 'B', start: '2026-01-01', end: '2026-02-01' });
    const later = contract({ id: 'L', start: '2026-06-02', end: '2026-07-01' });
    const r = rewindHistory(history([before, later], H), '2026-06-01', H);
    expect(r.history.asOf).toBe('2026-06-01');
    expect(r.history.contracts).toHaveLength(1);
    expect(r.history.contracts[0]).toBe(before);
  });

  it('reopens a contract that ended later: active, without its ending, its feedback, dispute and refund', () => {
    const c = contract({
      id: 'C',
      status: 'ended',
      start: '2026-01-01',
      end: '2026-03-01',
      earnings: 300,
      refunded: 100,
      dispute: 'lost',
      payments: [
        { date: '2026-01-10', amount: 100 },
        { date: '2026-02-10', amount: 200 },
      ],
      firstPayment: undefined,
      lastPayment: undefined,
    });
    const [rewound] = rewindHistory(history([c], H), '2026-02-01', H).history.contracts;
    expect(rewound).toEqual({
      id: 'C',
      client: c.client,
      type: 'fixed',
      status: 'active',
      start: '2026-01-01',
      earnings: 100,
      refunded: 0,
      dispute: 'none',
      clientSuspended: false,
      payments: [{ date: '2026-01-10', amount: 100 }],
    });
  });

  it('keeps the status, feedback, dispute and refund (capped) of a contract still open on H', () => {
    const c = open({
      status: 'paused',
      earnings: 300,
      refunded: 250,
      dispute: 'won',
      feedback: { public: 4 },
      payments: [
        { date: '2026-01-10', amount: 200 },
        { date: '2026-05-10', amount: 100 },
      ],
    });
    const [rewound] = rewindHistory(history([c], H), '2026-02-01', H).history.contracts;
    expect(rewound).toMatchObject({ status: 'paused', earnings: 200, refunded: 200, dispute: 'won' });
    expect(rewound.feedback).toEqual({ public: 4 });
  });

  it('pro-rates earnings by day between the first and last payment, to the cent, half up, with a warning', () => {
    // 2026-01-01..2026-01-10 is 10 days; on 2026-01-03, 3 of them: $1,000 × 3/10
    const c = open({ id: 'P', earnings: 1000, firstPayment: '2026-01-01', lastPayment: '2026-01-10' });
    const r = rewindHistory(history([c], H), '2026-01-03', H);
    expect(r.history.contracts[0]).toMatchObject({
      earnings: 300,
      firstPayment: '2026-01-01',
      lastPayment: '2026-01-03',
    });
    expect(r.warnings).toEqual([
      {
        code: 'prorated-earnings',
        contract: 'P',
        message:
          'P: earnings on 2026-01-03 taken as $300.00 of $1,000.00, pro rata by day from its first payment 2026-01-01 to its last 2026-01-10',
      },
    ]);
    // before the first payment: nothing paid, no dates; on or after the last: as written
    expect(rewindHistory(history([c], H), '2025-12-31', H).history.contracts).toEqual([]);
    const noMoney = rewindHistory(history([{ ...c, start: '2025-12-01' }], H), '2025-12-31', H);
    expect(noMoney.history.contracts[0]).not.toHaveProperty('lastPayment');
    expect(noMoney.history.contracts[0]).toMatchObject({ earnings: 0 });
    expect(rewindHistory(history([c], H), '2026-01-10', H).history.contracts[0]).toBe(c);
  });

  it('guesses an open contract as paid up to T and an ended one up to its end, leaving a guessed first payment unwritten', () => {
    const openOnH = open({ id: 'O', start: '2026-11-17', earnings: 100 }); // paid 2026-11-17..H: 10 days
    const endedLater = contract({
      id: 'E',
      start: '2026-11-17',
      end: '2026-11-26',
      earnings: 100,
      firstPayment: undefined,
      lastPayment: undefined,
    });
    const r = rewindHistory(history([openOnH, endedLater], H), '2026-11-18', H);
    expect(r.history.contracts.map((c) => [c.earnings, c.firstPayment, c.lastPayment])).toEqual([
      [20, undefined, '2026-11-18'],
      [20, undefined, '2026-11-18'],
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'O: earnings on 2026-11-18 taken as $20.00 of $100.00, pro rata by day from its first payment 2026-11-17 (guessed: its start) to its last 2026-11-26 (guessed: taken as paid recently)',
      'E: earnings on 2026-11-18 taken as $20.00 of $100.00, pro rata by day from its first payment 2026-11-17 (guessed: its start) to its last 2026-11-26 (guessed: its end)',
    ]);
    // a later T moves an open contract's guess, not an ended one's
    const later = rewindHistory(history([openOnH, endedLater], H), '2026-11-18', '2026-12-06');
    expect(later.history.contracts.map((c) => c.earnings)).toEqual([10, 20]);
  });

  it('an amount that rounds to nothing leaves no money and no dates', () => {
    const c = open({ earnings: 0.01, firstPayment: '2026-01-01', lastPayment: '2026-01-10' });
    const r = rewindHistory(history([c], H), '2026-01-02', H);
    expect(r.history.contracts[0]).toMatchObject({ earnings: 0 });
    expect(r.history.contracts[0]).not.toHaveProperty('firstPayment');
    expect(r.warnings).toEqual([]);
  });

  it('keeps the observations up to the day', () => {
    const h: History = {
      ...history([], H),
      observed: [
        { date: '2026-05-01', jss: 90 },
        { date: '2026-06-01', jss: null },
      ],
    };
    expect(rewindHistory(h, '2026-05-31', H).history.observed).toEqual([{ date: '2026-05-01', jss: 90 }]);
  });

  it('refuses a day after T', () => {
    expect(() => rewindHistory(history([], H), '2026-11-27', H)).toThrow(RangeError);
  });

  it('evaluates a rewound history like any history dated that day', () => {
    const rules = upwork2024();
    const a = contract({ id: 'A', client: 'a', start: '2026-01-01', end: '2026-02-01' });
    const b = contract({
      id: 'B',
      client: 'b',
      start: '2026-04-01',
      end: '2026-06-15',
      firstPayment: '2026-04-01',
      lastPayment: '2026-06-15',
    });
    const r = rewindHistory(history([a, b], H), '2026-06-01', H);
    const e = evaluate(r.history, rules, { asOf: '2026-06-01' });
    expect(e.contracts.map((c) => [c.id, c.status, c.outcome])).toEqual([
      ['A', 'ended', 'success'],
      ['B', 'active', 'pending'],
    ]);
    expect(e.shown).toBe(false);
  });
});

describe('proratedCents', () => {
  it('is exact decimal arithmetic, half up', () => {
    expect(proratedCents(2.01, 1, 2)).toBe(101); // 100.5 cents; 2.01 × 100 / 2 is 100.49999… in floating point
    expect(proratedCents(0.05, 1, 2)).toBe(3);
    expect(proratedCents(100, 1, 3)).toBe(3333);
    expect(proratedCents(100, 2, 3)).toBe(6667);
    expect(proratedCents(0.125, 1, 1)).toBe(13); // a third decimal: exact, half up
    expect(proratedCents(1e-7, 1, 1)).toBe(0);
    expect(proratedCents(1e9, 36000, 36001)).toBe(99997222299);
  });
});

describe('mergeObservations', () => {
  it('puts the file and the options together, oldest first; the option wins on a shared date', () => {
    const merged = mergeObservations(
      [
        { date: '2026-10-15', jss: 92, note: 'seen' },
        { date: '2026-09-01', jss: 90 },
      ],
      [
        { date: '2026-10-15', jss: null },
        { date: '2026-11-01', jss: 88 },
      ],
    );
    expect(merged).toEqual([
      { date: '2026-09-01', jss: 90 },
      { date: '2026-10-15', jss: null },
      { date: '2026-11-01', jss: 88 },
    ]);
    expect(mergeObservations(undefined, [])).toEqual([]);
  });
});

describe('private: none', () => {
  it('is matched by `private: unknown`, like a missing rating, and by no range', () => {
    const rules = upwork2024();
    const rated = (feedback: Contract['feedback']) =>
      evaluate(history([contract({ feedback, endReason: 'completed' })], H), rules, { asOf: H }).contracts[0]
        .rule;
    expect(rated({ public: 3, private: 'none' })).toBe(rated({ public: 3 }));
    expect(rated({ private: 'none' })).toBe('completed');
    const unknownRule = {
      ...rules,
      classify: [
        { name: 'no-private', when: { private: 'unknown' as const }, outcome: 'negative' as const },
        ...rules.classify,
      ],
    };
    const ruleOf = (feedback: Contract['feedback']) =>
      evaluate(history([contract({ feedback })], H), unknownRule, { asOf: H }).contracts[0].rule;
    expect(ruleOf({ public: 5, private: 'none' })).toBe('no-private');
    expect(ruleOf({ public: 5 })).toBe('no-private');
    expect(ruleOf({ public: 5, private: 9 })).not.toBe('no-private');
  });
});

describe('againstObserved', () => {
  const rules = upwork2024();
  // Two ended contracts from two clients, and one open contract with no payment dates (guessed).
  const h: History = {
    ...history(
      [
        contract({
          id: 'A',
          client: 'a',
          start: '2026-01-01',
          end: '2026-01-10',
          firstPayment: '2026-01-10',
          lastPayment: '2026-01-10',
        }),
        contract({
          id: 'B',
          client: 'b',
          start: '2026-02-01',
          end: '2026-02-10',
          firstPayment: '2026-02-10',
          lastPayment: '2026-02-10',
        }),
        open({ id: 'O', client: 'o', start: '2026-08-01', earnings: 2000 }),
      ],
      H,
    ),
    observed: [
      { date: '2026-12-20', jss: 100 },
      { date: '2026-01-05', jss: null },
      { date: '2026-06-01', jss: 90 },
    ],
  };

  it('ignores observations after the evaluation date and gives the model of each day, oldest first', () => {
    expect(againstObserved(h, rules, h.observed ?? [], { evaluation: H, history: H })).toEqual([
      { date: '2026-01-05', jss: null, model: null },
      { date: '2026-06-01', jss: 90, model: 100 },
    ]);
  });

  it('fixes guesses at T, the later of the evaluation date and the history date, like every command', () => {
    // Evaluated after H, T is the evaluation date: the open contract, its last payment guessed, is
    // taken as paid up to T, so on H it had earned 118 of its 153 days' worth.
    const later = '2026-12-31';
    const onH = rewindHistory(h, H, later).history.contracts.find((c) => c.id === 'O');
    expect(onH).toMatchObject({ earnings: 1542.48, lastPayment: H });
    expect(rewindHistory(h, H, H).history.contracts.find((c) => c.id === 'O')).toMatchObject({
      earnings: 2000,
    });
    const [seen] = againstObserved(h, rules, [{ date: H, jss: 0 }], { evaluation: later, history: H });
    expect(seen.model).toBe(modelJssOn(h, rules, H, later));
    // on T itself, the history as it is, guessed that day
    expect(modelJssOn(h, rules, later, later)).toBe(evaluate(h, rules, { asOf: later }).jss);
  });
});
