import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FractionDigits, formatCents, formatNumber } from '../../src/core/format-number.js';

// Intl is the reference here, and only here: src/ must not load it (ICU costs 15–60 ms at start-up).
const intl = (x: number, digits?: FractionDigits): string => x.toLocaleString('en-US', digits);

const TWO_DIGITS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** Every kind of double: NaN, ±∞, ±0, subnormals, huge and tiny values. */
const anyDouble = fc.double();
/** Amounts as people write them, with exact ties at the rounding digit (0.005, 1.125…). */
const amounts = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 100),
  fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 1000),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 10_000),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000 + 0.0005),
);
/** Whole numbers, from small counts to beyond 2^53 and 1e21 (where `String` switches to exponents). */
const large = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ min: 1e15, max: 1e30, noNaN: true }),
  fc.double({ min: -1e30, max: -1e15, noNaN: true }),
);
const numbers = fc.oneof(anyDouble, amounts, large, fc.double({ min: -1, max: 1 }));
/** Fraction digits as Intl accepts them (the maximum is never below the minimum). */
const fractionDigits: fc.Arbitrary<FractionDigits | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ maximumFractionDigits: 2 }),
  fc.constant({ minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  fc
    .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }))
    .map(([a, b]) => ({ minimumFractionDigits: Math.min(a, b), maximumFractionDigits: Math.max(a, b) })),
  fc.integer({ min: 0, max: 3 }).map((min) => ({ minimumFractionDigits: min })),
  fc.integer({ min: 0, max: 8 }).map((max) => ({ maximumFractionDigits: max })),
);

describe('formatNumber', () => {
  it('writes numbers as en-US people read them', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1250.5, { maximumFractionDigits: 2 })).toBe('1,250.5');
    expect(formatNumber(1250.5, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe('1,250.50');
    expect(formatNumber(1234.5678)).toBe('1,234.568');
    expect(formatNumber(-999.995, { maximumFractionDigits: 2 })).toBe('-1,000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(100, { minimumFractionDigits: 2 })).toBe('100.00');
  });

  it('rounds ties away from zero on the decimal as written, as Intl does (unlike toFixed)', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatNumber(1.005, { maximumFractionDigits: 2 })).toBe('1.01');
    expect(formatNumber(-2.675, { maximumFractionDigits: 2 })).toBe('-2.68');
    expect(formatNumber(0.5, { maximumFractionDigits: 0 })).toBe('1');
    expect(formatNumber(9.995, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe('10.00');
  });

  it('keeps the sign of negative zero and of negatives that round to zero, as Intl does', () => {
    expect(formatNumber(-0)).toBe('-0');
    expect(formatNumber(-0.001, { maximumFractionDigits: 2 })).toBe('-0');
    expect(formatNumber(-0.004, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe('-0.00');
    expect(formatNumber(1e-7)).toBe('0');
  });

  it('writes large values in full and non-finite ones as Intl does', () => {
    expect(formatNumber(1e21)).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(1.2345678901234566e25)).toBe('12,345,678,901,234,566,000,000,000');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-∞');
  });

  it('equals toLocaleString("en-US") with the same fraction digits on any number', () => {
    fc.assert(
      fc.property(numbers, fractionDigits, (x, digits) => {
        expect(formatNumber(x, digits)).toBe(intl(x, digits));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals toLocaleString("en-US") on every number with 2 fraction digits, as money is shown', () => {
    const money = [{ maximumFractionDigits: 2 }, TWO_DIGITS];
    fc.assert(
      fc.property(amounts, (x) => {
        for (const digits of money) expect(formatNumber(x, digits)).toBe(intl(x, digits));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('formatCents', () => {
  it('writes whole cents as dollars', () => {
    expect(formatCents(125050)).toBe('$1,250.50');
    expect(formatCents(-1800)).toBe('-$18.00');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(0)).toBe('$0.00');
  });

  it('equals the dollars and cents toLocaleString writes, on any whole number of cents', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger()), (cents) => {
        const abs = Math.abs(cents);
        const dollars = `$${intl(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
        expect(formatCents(cents)).toBe(cents < 0 ? `-${dollars}` : dollars);
        if (abs < 1e13)
          expect(formatCents(cents)).toBe(`${cents < 0 ? '-' : ''}$${intl(abs / 100, TWO_DIGITS)}`);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('source', () => {
  it('formats numbers without Intl anywhere in src/ (loading ICU costs 15–60 ms at start-up)', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const uses = files.flatMap((file) =>
      readFileSync(join('src', file), 'utf8')
        .split('\n')
        .map((line, i) => ({
          where: `src/${file}:${i + 1}`,
          code: line.replace(/\/\/.*|^\s*\*.*|\/\*\*.*/, ''),
        }))
        .filter(({ code }) => /\btoLocale\w*String\(|\bIntl\.|\blocaleCompare\(/.test(code))
        .map(({ where }) => where),
    );
    expect(uses).toEqual([]);
  });
});
