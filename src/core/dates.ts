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

/** The digit at `i` of `text`; NaN when it is not a digit (NaN then fails every comparison). */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

/** The year, month and day of month of `YYYY-MM-DD`, read by char code without building a string. */
function yearOf(text: string): number {
  return digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
}
function monthOf(text: string): number {
  return digit(text, 5) * 10 + digit(text, 6);
}
function dayOfMonthOf(text: string): number {
  return digit(text, 8) * 10 + digit(text, 9);
}

/** True when `text` is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  return isCivil(yearOf(text), monthOf(text), dayOfMonthOf(text));
}

/** A real calendar date; NaN (from a non-digit) fails every comparison. */
function isCivil(y: number, m: number, d: number): boolean {
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * The day of a `YYYY-MM-DD` date, read in one pass by char code (no substrings, no arrays); NaN
 * when `text` is not a real calendar date.
 */
function parseDay(text: string): Day {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const y = yearOf(text);
  const m = monthOf(text);
  const d = dayOfMonthOf(text);
  return isCivil(y, m, d) ? fromCivil(y, m, d) : Number.NaN;
}

/** The years a date in a history, a rule set or an option may have (DESIGN §1). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9998;

/** True when a valid `YYYY-MM-DD` date's year is within FIRST_YEAR..LAST_YEAR. */
export function isDateInRange(text: string): boolean {
  const year = yearOf(text);
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

/**
 * The civil date of a day, packed as year · 512 + month · 32 + day of month (Hinnant's
 * civil-from-days): one number, so the hot paths that need it allocate nothing.
 */
function civil(day: Day): number {
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
  return (yoe + era * 400 + (m <= 2 ? 1 : 0)) * 512 + m * 32 + d;
}

export function toCivil(day: Day): [number, number, number] {
  const c = civil(day);
  return [Math.floor(c / 512), Math.floor(c / 32) % 16, c % 32];
}

export function toDay(iso: string): Day {
  const day = parseDay(iso);
  if (Number.isNaN(day)) throw new Error(`not an ISO date: ${iso}`);
  return day;
}

/** `01`..`31`: two-digit months and days of month. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

export function toIso(day: Day): string {
  const c = civil(day);
  const y = Math.floor(c / 512);
  const year = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  return `${year}-${TWO_DIGITS[Math.floor(c / 32) % 16]}-${TWO_DIGITS[c % 32]}`;
}

/** `day` moved by `months` calendar months, the day of month clamped to the month's end. */
export function addMonths(day: Day, months: number): Day {
  const c = civil(day);
  const total = Math.floor(c / 512) * 12 + ((Math.floor(c / 32) % 16) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return fromCivil(year, month, Math.min(c % 32, daysInMonth(year, month)));
}

const MS_PER_DAY = 86_400_000;

/** The UTC date of `now`, worked out from its time value: a first `toISOString` costs half a millisecond. */
export function todayUtc(now: Date = new Date()): string {
  return toIso(Math.floor(now.getTime() / MS_PER_DAY));
}

/** The later of two `YYYY-MM-DD` dates (T of DESIGN §2, for the evaluation date and H). */
export function laterDate(a: string, b: string): string {
  return a < b ? b : a;
}
