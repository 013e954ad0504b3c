import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fastHistory } from '../../src/io/history-fast-path.js';
import { historySchema } from '../../src/io/history-schema.js';
import { repoRoot } from '../helpers/run-cli.js';

/** Mostly one of the right values, sometimes a near miss: so both paths get exercised. */
function near<T, U>(right: T[], wrong: U[]): fc.Arbitrary<T | U> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...right), weight: 12 },
    { arbitrary: fc.constantFrom(...wrong), weight: 1 },
  );
}
/** A record whose keys may each be absent, plus now and then a key nobody knows. */
function record<T extends Record<string, fc.Arbitrary<unknown>>>(shape: T, required: (keyof T)[]) {
  const base = fc.record(shape, { requiredKeys: required as never });
  const stray = fc.oneof(
    { arbitrary: fc.constant({}), weight: 20 },
    { arbitrary: fc.constant({ endReson: 'x' }), weight: 1 },
  );
  return fc.tuple(base, stray).map(([value, extra]) => ({ ...value, ...extra }));
}

const date = near(
  ['2026-01-10', '2024-02-29', '2026-11-26'],
  ['2025-02-29', '2026-1-10', 20260110, '', null],
);
const money = near([0, 1, 250.5, 1e6, -0], [-1, Number.NaN, Number.POSITIVE_INFINITY, '100', null]);

const contract = record(
  {
    id: near(['c1', 'c2', ' c3 ', 7, -0, 123456789], ['', '  ', 7.5, 2 ** 60, true, null]),
    client: near(['acme', ' acme ', 'Globex'], ['', ' ', 3, null]),
    title: near(['A job'], [5, null]),
    type: near(['hourly', 'fixed'], ['Fixed', null]),
    status: near(['active', 'paused', 'ended'], ['closed']),
    start: date,
    end: date,
    earnings: money,
    refunded: money,
    payments: fc.oneof(
      {
        arbitrary: fc.array(record({ date, amount: money }, ['date', 'amount']), { maxLength: 3 }),
        weight: 10,
      },
      { arbitrary: fc.constantFrom('none', null), weight: 1 },
    ),
    firstPayment: date,
    lastPayment: date,
    endedBy: near(['client', 'freelancer', 'upwork'], ['agency']),
    endReason: near(['completed', 'dormant', 'no-longer-needed'], ['completd', 3]),
    feedback: fc.oneof(
      { arbitrary: fc.constantFrom('none', 'None', null, 5, {}), weight: 1 },
      {
        arbitrary: record(
          {
            public: near([1, 4.75, 5], [0.5, 5.5, '5', Number.NaN]),
            private: near([0, 7, 10, 'none'], [7.5, 11, -1, '9', 'None']),
          },
          [],
        ),
        weight: 6,
      },
    ),
    dispute: near(['none', 'won', 'lost', 'settled'], ['pending']),
    clientSuspended: near([true, false], ['yes', 0]),
    notes: near(['text'], [1]),
  },
  ['id', 'client', 'type', 'status', 'start'],
);

const history = record(
  {
    $schema: near(['./contracts.schema.json'], [1]),
    version: near([1], [2, '1']),
    asOf: date,
    freelancer: near(['Kim'], [1]),
    contracts: fc.oneof(
      { arbitrary: fc.array(contract, { maxLength: 3 }), weight: 10 },
      { arbitrary: fc.constantFrom(null, 'x'), weight: 1 },
    ),
    observed: fc.oneof(
      {
        arbitrary: fc.array(
          record(
            {
              date,
              jss: near([0, 88, 100, null], [101, -1, 88.5, '88', 'none']),
              note: near(['after the Bloom contract'], [3]),
            },
            ['date', 'jss'],
          ),
          { maxLength: 3 },
        ),
        weight: 10,
      },
      { arbitrary: fc.constantFrom(null, 'x', [{ date: '2026-01-10' }]), weight: 1 },
    ),
  },
  ['contracts'],
);

/** Objects and lists reachable from both values: a fresh result has none in common with its input. */
function sharedObjects(result: unknown, input: unknown): unknown[] {
  const reachable = (value: unknown, out = new Set<unknown>()): Set<unknown> => {
    if (typeof value === 'object' && value !== null && !out.has(value)) {
      out.add(value);
      for (const child of Object.values(value)) reachable(child, out);
    }
    return out;
  };
  const fromInput = reachable(input);
  return [...reachable(result)].filter((value) => fromInput.has(value));
}

describe('fastHistory', () => {
  it('accepts exactly what historySchema accepts, and returns what it returns', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: history, weight: 20 }, fc.constantFrom(null, [], 'x', 1)),
        (input) => {
          const before = structuredClone(input);
          const slow = historySchema.safeParse(structuredClone(input));
          const fast = fastHistory(input);
          expect(fast !== undefined).toBe(slow.success);
          expect(input).toStrictEqual(before); // the parsed data is never changed
          if (fast === undefined) return;
          accepted++;
          expect(fast).toStrictEqual(slow.data);
          expect(sharedObjects(fast, input)).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300); // the generator reaches the accepting side often
  });

  it('takes the common, well-formed cases (or big files would be slow)', () => {
    const example = parse(readFileSync(`${repoRoot}examples/freelancer.yaml`, 'utf8'));
    const big = {
      ...example,
      contracts: Array.from({ length: 20 }, (_, i) =>
        example.contracts.map((c: { id: string }) => ({ ...c, id: `${i}-${c.id}` })),
      ).flat(),
    };
    const forum = parse(readFileSync(`${repoRoot}examples/forum-case.yaml`, 'utf8'));
    for (const data of [example, forum, big]) {
      const expected = historySchema.parse(structuredClone(data));
      expect(fastHistory(data)).toStrictEqual(expected);
    }
  });

  it('leaves anything unusual to the schema', () => {
    const base = { id: 'a', client: 'b', type: 'fixed', status: 'active', start: '2026-01-01' };
    expect(fastHistory({ contracts: [base] })).toBeDefined();
    expect(fastHistory({ contracts: [{ ...base, endReson: 'x' }] })).toBeUndefined();
    expect(fastHistory({ contracts: [{ ...base, start: '2026-02-30' }] })).toBeUndefined();
    expect(fastHistory({ contracts: [{ ...base, feedback: {} }] })).toBeUndefined();
    expect(fastHistory(JSON.parse(`{"contracts": [], "__proto__": {}}`))).toBeUndefined();
  });

  it('gives ids as written where the caller says, and changes nothing it was given', () => {
    const base = { client: 'b', type: 'fixed', status: 'active', start: '2026-01-01' };
    const input = {
      $schema: 'x.json',
      contracts: [
        { ...base, id: 16 },
        { ...base, id: 16 },
      ],
    };
    const before = structuredClone(input);
    const history = fastHistory(input, new Map([[1, '0x10']]));
    expect(history?.contracts.map((c) => c.id)).toEqual(['16', '0x10']);
    expect(history).not.toHaveProperty('$schema');
    expect(input).toStrictEqual(before);
  });
});
