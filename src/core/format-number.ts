/**
 * Numbers as text for people, written exactly as `toLocaleString('en-US', …)` writes them but
 * without Intl: the first `toLocaleString` loads ICU, which costs 15–60 ms, more than the rest of a
 * small command.
 */

/** How many digits after the point, as in `Intl.NumberFormat` (maximum 3 unless told). */
export interface FractionDigits {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/**
 * `x.toLocaleString('en-US', digits)`, byte for byte: thousands grouped with commas; rounded half
 * away from zero on the number's decimal form (its shortest round-trip form, so 1.005 rounds to
 * 1.01 like Intl, not to 1.00 like `toFixed`); trailing zeros dropped down to the minimum; `-` on
 * every negative number, `-0` and a negative that rounds to zero included; `∞` and `NaN` written
 * the way Intl writes them. A maximum below the minimum is taken to be the minimum (Intl throws).
 */
export function formatNumber(x: number, digits: FractionDigits = {}): string {
  if (Number.isNaN(x)) return 'NaN';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const abs = Math.abs(x);
  if (abs === Number.POSITIVE_INFINITY) return `${sign}∞`;
  const min = digits.minimumFractionDigits ?? 0;
  const max = Math.max(min, digits.maximumFractionDigits ?? 3);
  if (Number.isInteger(abs) && abs < 1e21) {
    return `${sign}${groupThousands(String(abs))}${min > 0 ? `.${'0'.repeat(min)}` : ''}`;
  }
  const { whole, fraction } = roundDecimal(abs, max);
  const shown = fraction.replace(/0+$/, '').padEnd(min, '0');
  return `${sign}${groupThousands(whole)}${shown === '' ? '' : `.${shown}`}`;
}

/** Whole cents as dollars: 125050 → `$1,250.50`, −1800 → `-$18.00`. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${formatNumber(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** `1234567` → `1,234,567` (a string of digits, no sign). */
function groupThousands(digits: string): string {
  let grouped = digits;
  for (let at = digits.length - 3; at > 0; at -= 3) grouped = `${grouped.slice(0, at)},${grouped.slice(at)}`;
  return grouped;
}

/**
 * A non-negative finite number's shortest round-trip decimal, rounded half up to `places` digits
 * after the point: the digits before the point (no leading zeros, at least `0`) and exactly
 * `places` digits after it.
 */
function roundDecimal(abs: number, places: number): { whole: string; fraction: string } {
  const [mantissa, exponent = '0'] = String(abs).split('e');
  const [before, after = ''] = mantissa.split('.');
  // The value is 0.<digits> × 10^point: `point` digits of `digits` stand before the decimal point.
  let digits = before + after;
  let point = before.length + Number(exponent);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const end = point + places;
  const next = digits.charAt(end);
  let kept = digits.slice(0, end).padEnd(end, '0');
  if (next >= '5') kept = addOne(kept);
  const wholeLength = kept.length - places;
  return {
    whole: kept.slice(0, wholeLength).replace(/^0+(?=\d)/, '') || '0',
    fraction: kept.slice(wholeLength),
  };
}

/** A string of digits plus one, one digit longer when it carries out: `199` → `200`, `99` → `100`. */
function addOne(digits: string): string {
  let at = digits.length - 1;
  while (at >= 0 && digits[at] === '9') at--;
  const tail = '0'.repeat(digits.length - at - 1);
  return at < 0 ? `1${tail}` : `${digits.slice(0, at)}${Number(digits[at]) + 1}${tail}`;
}
