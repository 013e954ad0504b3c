import { isIsoDate } from '../core/dates.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function iso(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : undefined;
}

/**
 * A date as Upwork writes it, as `YYYY-MM-DD`: `Sep 4, 2026` (or `September 4, 2026`),
 * `2026-09-04`, or `09/04/2026` (month first). `undefined` when it is none of these or not a real day.
 */
export function parseExportDate(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isIsoDate(t) ? t : undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return iso(Number(us[3]), Number(us[1]), Number(us[2]));
  const named = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (!named) return undefined;
  const name = named[1].toLowerCase();
  const month = MONTHS.findIndex(
    (m) => m.startsWith(name) && (name.length === 3 || name === 'sept' || name === m),
  );
  return month === -1 ? undefined : iso(Number(named[3]), month + 1, Number(named[2]));
}

/**
 * An amount of money in whole cents: `1,234.50`, `-$18.00`, `$-18.00`, `(18.00)`, `USD 5`.
 * Parsed from the digits, never through a float, so sums are exact. `undefined` when it is not money.
 */
export function parseCents(text: string): number | undefined {
  let t = text.trim().replace(/\s+/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  const m = /^([+-]?)(?:\$|USD)?([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?(?:USD)?$/i.exec(t);
  if (!m || (m[1] !== '' && m[2] !== '')) return undefined;
  if (m[1] === '-' || m[2] === '-') negative = !negative;
  const whole = Number(m[3].replaceAll(',', ''));
  const fraction = m[4] ?? '';
  const cents = whole * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')) + (fraction[2] >= '5' ? 1 : 0);
  if (!Number.isSafeInteger(cents)) return undefined;
  return negative && cents !== 0 ? -cents : cents;
}

/** Cents as dollars for the YAML output: 125050 → 1250.5. */
export function dollarsFromCents(cents: number): number {
  return cents / 100;
}
