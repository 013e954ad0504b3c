import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, isIsoDate, toDay, todayUtc, toIso } from '../../src/core/dates.js';

const MS = 86_400_000;

describe('dates as day numbers', () => {
  it('agree with Date.UTC for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / MS, max: Date.UTC(2200, 11, 31) / MS }), (day) => {
        const iso = new Date(day * MS).toISOString().slice(0, 10);
        expect(toIso(day)).toBe(iso);
        expect(toDay(iso)).toBe(day);
      }),
      { numRuns: 5000 },
    );
  });

  it('addMonths matches the calendar with the month-end clamp', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20000, max: 60000 }),
        fc.integer({ min: -60, max: 60 }),
        (day, months) => {
          const d = new Date(day * MS);
          const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
          const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
          const expected =
            Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)) / MS;
          expect(addMonths(day, months)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
    expect(toIso(addMonths(toDay('2024-02-29'), 12))).toBe('2025-02-28');
    expect(toIso(addMonths(toDay('2026-03-31'), -1))).toBe('2026-02-28');
  });

  it('isIsoDate takes only real calendar dates', () => {
    for (const ok of ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31'])
      expect(isIsoDate(ok)).toBe(true);
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      '26-01-01',
      '2026/01/01',
      'abcd-ef-gh',
      '2026-04-31',
    ])
      expect(isIsoDate(bad)).toBe(false);
    expect(() => toDay('2026-02-30')).toThrow();
  });
  it('todayUtc is the UTC date of any moment, as toISOString gives it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (moment) => {
          expect(todayUtc(moment)).toBe(moment.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('isIsoDate is what Date reads back unchanged as YYYY-MM-DD', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789x'), minLength: n, maxLength: n });
    const text = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (value) => {
        const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
        const real = d !== undefined && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
        expect(isIsoDate(value)).toBe(real);
      }),
      { numRuns: 5000 },
    );
  });
});
