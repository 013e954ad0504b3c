/**
 * Calendar dates as whole day numbers (days since 1970-01-01, proleptic Gregorian, no time zones).
 * The conversions are plain integer arithmetic (H. Hinnant's days-from-civil and its inverse):
 * a large history converts hundreds of thousands of dates, and `Date` objects cost far more.
 */
export type Day = number;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Reads the digits of `YYYY-MM-DD` by char code; NaN where one is not a digit. */
function parts(text: string): [number, number, number] {
  const digit = (i: number): number => {
    const d = text.charCodeAt(i) - 48;
    return d >= 0 && d <= 9 ? d : Number.NaN;
  };
  return [
    digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
    digit(5) * 10 + digit(6),
    digit(8) * 10 + digit(9),
  ];
}

/** True when `text` is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const [y, m, d] = parts(text);
  // NaN (a non-digit) fails every comparison.
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The years a date in a history, a rule set or an option may have (DESIGN §1). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9998;

/** True when a valid `YYYY-MM-DD` date's year is within FIRST_YEAR..LAST_YEAR. */
export function isDateInRange(text: string): boolean {
  const year = parts(text)[0];
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * The last day any computed date may be: a date has four digits of year, so horizons that would
 * run past it (a forecast from 9998-12-31) stop there.
 */
export const LAST_DAY_ISO = '9999-12-31';

export function fromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toCivil(day: Day): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function toDay(iso: string): Day {
  if (!isIsoDate(iso)) throw new Error(`not an ISO date: ${iso}`);
  const [y, m, d] = parts(iso);
  return fromCivil(y, m, d);
}

export function toIso(day: Day): string {
  const [y, m, d] = toCivil(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** `day` moved by `months` calendar months, the day of month clamped to the month's end. */
export function addMonths(day: Day, months: number): Day {
  const [y, m, d] = toCivil(day);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return fromCivil(year, month, Math.min(d, daysInMonth(year, month)));
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The later of two `YYYY-MM-DD` dates (T of DESIGN §2, for the evaluation date and H). */
export function laterDate(a: string, b: string): string {
  return a < b ? b : a;
}
