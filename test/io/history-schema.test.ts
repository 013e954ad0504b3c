import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/core/types.js';
import { formatPath } from '../../src/errors.js';
import {
  contractSchema,
  contractsJsonSchema,
  historyProblems,
  historySchema,
} from '../../src/io/history-schema.js';

const LATEST = '2026-11-26';

/** A valid ended contract, as the schema outputs it, with `overrides` applied. */
function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'c1',
    client: 'acme',
    type: 'fixed',
    status: 'ended',
    start: '2026-01-10',
    end: '2026-02-10',
    earnings: 500,
    refunded: 0,
    dispute: 'none',
    clientSuspended: false,
    ...overrides,
  };
}

function open(overrides: Partial<Contract> = {}): Contract {
  const { end: _end, ...rest } = contract({ status: 'active', ...overrides });
  return overrides.end === undefined ? rest : { ...rest, end: overrides.end };
}

/** `contracts[0].end: code` for each problem. */
function problems(contracts: Contract[], latest = LATEST): string[] {
  return historyProblems({ contracts }, latest).map((p) => `${formatPath(p.path)}: ${p.code}`);
}

/** `contracts[0].end: message` for each problem: for the tests of the wording. */
function messages(contracts: Contract[], latest = LATEST): string[] {
  return historyProblems({ contracts }, latest).map((p) => `${formatPath(p.path)}: ${p.message}`);
}

describe('historySchema', () => {
  const raw = { id: 'c1', client: 'acme', type: 'fixed', status: 'active', start: '2026-01-10' };

  it('applies the defaults and keeps a numeric id as text', () => {
    const parsed = historySchema.parse({ contracts: [{ ...raw, id: 38211 }] });
    expect(parsed).toEqual({
      version: 1,
      contracts: [{ ...raw, id: '38211', earnings: 0, refunded: 0, dispute: 'none', clientSuspended: false }],
    });
  });

  it('accepts an empty list of contracts and a $schema key, which it drops', () => {
    expect(historySchema.parse({ $schema: './contracts.schema.json', contracts: [] })).toEqual({
      version: 1,
      contracts: [],
    });
  });

  it.each([
    ['version 2', { version: 2, contracts: [] }, ['version']],
    ['no contracts', {}, ['contracts']],
    ['an unknown top-level key', { contracts: [], freelancr: 'x' }, []],
    ['asOf not a real date', { asOf: '2026-02-30', contracts: [] }, ['asOf']],
  ])('rejects %s', (_name, input, path) => {
    const result = historySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(path);
  });

  it('requires status and type (no defaults)', () => {
    const { status: _s, type: _t, ...rest } = raw;
    const result = contractSchema.safeParse(rest);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['status', 'type']);
  });

  const accepts = (patch: Record<string, unknown>) => contractSchema.safeParse({ ...raw, ...patch }).success;

  it.each([
    [{ start: '2024-02-29' }, true],
    [{ start: '2025-02-29' }, false],
    [{ start: '2026-02-30' }, false],
    [{ start: '2026-1-5' }, false],
    [{ start: 20260105 }, false],
    [{ id: 1.5 }, false],
    [{ id: '  ' }, false],
    [{ id: 0 }, true],
    [{ client: '' }, false],
    [{ earnings: 0 }, true],
    [{ earnings: -0.01 }, false],
    [{ earnings: Number.POSITIVE_INFINITY }, false],
    [{ earnings: '100' }, false],
    [{ payments: [{ date: '2026-01-11', amount: 0 }] }, false],
    [{ payments: [{ date: '2026-01-11', amount: 0.01 }] }, true],
    [{ feedback: 'none' }, true],
    [{ feedback: 'None' }, false],
    [{ feedback: null }, false],
    [{ feedback: {} }, false],
    [{ feedback: { public: 1 } }, true],
    [{ feedback: { public: 5 } }, true],
    [{ feedback: { public: 4.75 } }, true],
    [{ feedback: { public: 0.5 } }, false],
    [{ feedback: { public: 5.5 } }, false],
    [{ feedback: { private: 0 } }, true],
    [{ feedback: { private: 10 } }, true],
    [{ feedback: { private: 7.5 } }, false],
    [{ feedback: { private: 11 } }, false],
    [{ feedback: { private: -1 } }, false],
    [{ feedback: { public: 5, note: 'x' } }, false],
    [{ endReason: 'completd' }, false],
    [{ endedBy: 'agency' }, false],
    [{ dispute: 'lost' }, true],
    [{ clientSuspended: 'yes' }, false],
    [{ endReson: 'completed' }, false],
  ])('%j: accepted = %s', (patch, ok) => {
    expect(accepts(patch)).toBe(ok);
  });
});

describe('historyProblems', () => {
  it('finds nothing wrong with a consistent history', () => {
    expect(
      problems([
        contract(),
        open({ id: 'c2', earnings: 0 }),
        contract({
          id: 'c3',
          payments: [
            { date: '2026-01-10', amount: 200 },
            { date: '2026-02-10', amount: 300 },
          ],
        }),
      ]),
    ).toEqual([]);
  });

  it('reports a duplicate id at the second use, naming the first', () => {
    expect(problems([contract(), contract({ id: 'c2' }), contract()])).toEqual([
      'contracts[2].id: duplicate-id',
    ]);
    expect(messages([contract(), contract({ id: 'c2' }), contract()])).toEqual([
      'contracts[2].id: duplicate id "c1" (contracts[0] has it too)',
    ]);
  });

  it('treats a numeric id and the same id as text as duplicates', () => {
    const history = historySchema.parse({
      contracts: [
        { id: 7, client: 'a', type: 'fixed', status: 'active', start: '2026-01-01' },
        { id: '7', client: 'a', type: 'fixed', status: 'active', start: '2026-01-01' },
      ],
    });
    expect(problems(history.contracts)).toEqual(['contracts[1].id: duplicate-id']);
  });

  it('wants an end exactly on ended contracts', () => {
    expect(problems([contract({ end: undefined })])).toEqual(['contracts[0].end: end-missing']);
    expect(problems([open({ end: '2026-02-01' })])).toEqual(['contracts[0].end: end-on-open-contract']);
    expect(messages([open({ end: '2026-02-01' })])).toEqual([
      'contracts[0].end: an open (active) contract has no end date',
    ]);
    expect(problems([open({ status: 'paused' })])).toEqual([]);
  });

  it('allows endedBy and endReason only on ended contracts', () => {
    expect(problems([contract({ endedBy: 'client', endReason: 'completed' })])).toEqual([]);
    expect(problems([open({ status: 'paused', endedBy: 'client', endReason: 'completed' })])).toEqual([
      'contracts[0].endedBy: ended-only-field',
      'contracts[0].endReason: ended-only-field',
    ]);
  });

  it("keeps start <= end <= the history's date, both sides of each edge", () => {
    expect(problems([contract({ start: '2026-02-10', end: '2026-02-10' })])).toEqual([]);
    expect(problems([contract({ start: '2026-02-11', end: '2026-02-10' })])).toEqual([
      'contracts[0].end: end-before-start',
    ]);
    expect(problems([contract({ end: LATEST })])).toEqual([]);
    expect(problems([contract({ end: '2026-11-27' })])).toEqual(['contracts[0].end: date-after-history']);
    expect(messages([contract({ end: '2026-11-27' })])).toEqual([
      "contracts[0].end: end 2026-11-27 is after the history's date 2026-11-26",
    ]);
    expect(problems([open({ start: LATEST, earnings: 0 })])).toEqual([]);
    expect(problems([open({ start: '2026-11-27', earnings: 0 })])).toEqual([
      'contracts[0].start: date-after-history',
    ]);
  });

  it('can check a changed history against a later day', () => {
    const later = [open({ start: '2026-12-15', earnings: 0 })];
    expect(problems(later, LATEST)).toHaveLength(1);
    expect(problems(later, '2026-12-31')).toEqual([]);
  });

  it("keeps payment dates within the contract (end, or the history's date when open)", () => {
    const pay = (date: string) => [{ date, amount: 500 }];
    expect(problems([contract({ payments: pay('2026-01-10') })])).toEqual([]);
    expect(problems([contract({ payments: pay('2026-02-10') })])).toEqual([]);
    expect(problems([contract({ payments: pay('2026-01-09') })])).toEqual([
      'contracts[0].payments[0].date: payment-outside-contract',
    ]);
    expect(problems([contract({ payments: pay('2026-02-11') })])).toEqual([
      'contracts[0].payments[0].date: payment-outside-contract',
    ]);
    expect(messages([contract({ payments: pay('2026-02-11') })])).toEqual([
      'contracts[0].payments[0].date: payment on 2026-02-11 is after end 2026-02-10',
    ]);
    expect(problems([open({ payments: pay(LATEST) })])).toEqual([]);
    expect(problems([open({ payments: pay('2026-11-27') })])).toEqual([
      'contracts[0].payments[0].date: payment-outside-contract',
    ]);
  });

  it('wants payments to sum to earnings, to the cent', () => {
    const payments = [
      { date: '2026-01-20', amount: 0.1 },
      { date: '2026-01-21', amount: 0.2 },
    ];
    expect(problems([contract({ earnings: 0.3, payments })])).toEqual([]);
    expect(problems([contract({ earnings: 0.304, payments })])).toEqual([]);
    expect(problems([contract({ earnings: 0.31, payments })])).toEqual([
      'contracts[0].payments: payments-sum',
    ]);
    expect(messages([contract({ earnings: 0.31, payments })])).toEqual([
      'contracts[0].payments: payments sum to $0.30 but earnings are $0.31',
    ]);
  });

  it('keeps refunded <= earnings', () => {
    expect(problems([contract({ refunded: 500 })])).toEqual([]);
    expect(problems([contract({ refunded: 500.01 })])).toEqual([
      'contracts[0].refunded: refunded-over-earnings',
    ]);
  });

  it('takes a payments list or firstPayment/lastPayment, not both', () => {
    const payments = [{ date: '2026-01-20', amount: 500 }];
    expect(problems([contract({ payments, lastPayment: '2026-01-20' })])).toEqual([
      'contracts[0].lastPayment: payments-and-dates',
    ]);
    expect(problems([contract({ firstPayment: '2026-01-20', lastPayment: '2026-01-20' })])).toEqual([]);
  });

  it('keeps start <= firstPayment <= lastPayment <= end, both sides of each edge', () => {
    const ok = (first?: string, last?: string, c = contract) =>
      expect(problems([c({ firstPayment: first, lastPayment: last })])).toEqual([]);
    ok('2026-01-10', '2026-02-10');
    ok('2026-01-20', '2026-01-20');
    ok(undefined, '2026-02-10');
    ok('2026-01-10', undefined);
    ok('2026-01-10', LATEST, open);
    const outside = (key: string) => [`contracts[0].${key}: payment-outside-contract`];
    expect(problems([contract({ firstPayment: '2026-01-09' })])).toEqual(outside('firstPayment'));
    expect(problems([contract({ firstPayment: '2026-02-11' })])).toEqual(outside('firstPayment'));
    expect(problems([contract({ lastPayment: '2026-02-11' })])).toEqual(outside('lastPayment'));
    expect(problems([contract({ lastPayment: '2026-01-09' })])).toEqual(outside('lastPayment'));
    expect(problems([contract({ firstPayment: '2026-01-21', lastPayment: '2026-01-20' })])).toEqual([
      'contracts[0].lastPayment: payment-dates-order',
    ]);
    expect(problems([open({ lastPayment: '2026-11-27' })])).toEqual(outside('lastPayment'));
    expect(messages([contract({ firstPayment: '2026-01-21', lastPayment: '2026-01-20' })])).toEqual([
      'contracts[0].lastPayment: lastPayment 2026-01-20 is before firstPayment 2026-01-21',
    ]);
  });

  it('allows no payment fields when earnings are 0 (an empty list says nothing, so it passes)', () => {
    expect(problems([contract({ earnings: 0, payments: [] })])).toEqual([]);
    expect(problems([contract({ earnings: 0, payments: [{ date: '2026-01-20', amount: 5 }] })])).toEqual([
      'contracts[0].payments: payments-without-earnings',
    ]);
    expect(problems([contract({ earnings: 0, firstPayment: '2026-01-20' })])).toEqual([
      'contracts[0].firstPayment: payments-without-earnings',
    ]);
  });

  it('gives every problem a hint', () => {
    const all = historyProblems(
      {
        contracts: [
          contract({ end: undefined, refunded: 900 }),
          contract({ status: 'active', endReason: 'other' }),
        ],
      },
      LATEST,
    );
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const p of all) expect(p.hint).toMatch(/\w/);
  });

  it('skips contracts that failed the shape check but keeps the file indices', () => {
    expect(
      historyProblems({ contracts: [undefined, contract({ end: '2026-01-01' })] }, LATEST).map((p) => p.path),
    ).toEqual([['contracts', 1, 'end']]);
  });
});

describe('contractsJsonSchema', () => {
  const schema = contractsJsonSchema() as {
    properties: Record<string, { description?: string }>;
    required: string[];
    additionalProperties: boolean;
  };
  const items = (schema.properties.contracts as unknown as { items: typeof schema }).items;

  it('describes the file as written: required keys, no unknown keys, defaults optional', () => {
    expect(schema.required).toEqual(['contracts']);
    expect(schema.additionalProperties).toBe(false);
    expect(items.required.sort()).toEqual(['client', 'id', 'start', 'status', 'type']);
    expect(items.additionalProperties).toBe(false);
    expect(items.properties.earnings).toMatchObject({ default: 0, minimum: 0 });
  });

  it('gives every field of a contract a description for editors', () => {
    for (const [key, field] of Object.entries(items.properties)) {
      expect(field.description, key).toMatch(/\w/);
    }
  });
});
