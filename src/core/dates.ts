/**
 * Calendar dates as whole day numbers (days since 1970-01-01). All arithmetic is in UTC, so a day
 * is always 86,400,000 ms and there are no time zones.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). Reads char
 * codes rather than a regex: a big history has hundreds of thousands of dates to check.
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const digit = (i: number): number => {
    const d = text.charCodeAt(i) - 48;
    return d >= 0 && d <= 9 ? d : Number.NaN;
  };
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const mo = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  // NaN (a non-digit) fails every comparison.
  if (!(y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return false;
  if (d <= 28) return true;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return d <= last;
}

export function toDay(iso: string): Day {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function toIso(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` moved by `months` calendar months, the day of month clamped to the month's end. */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12; // 0-based
  const dom = Math.min(d.getUTCDate(), daysInMonth(year, month + 1));
  return Date.UTC(year, month, dom) / MS_PER_DAY;
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
