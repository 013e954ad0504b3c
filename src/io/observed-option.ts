import { isIsoDate } from '../core/dates.js';
import type { ObservedValue } from '../core/observations.js';
import { type Problem, UserError } from '../errors.js';

const FORM = 'expected DATE=JSS (e.g. 2026-10-15=92), or DATE=none when no score was shown';

/**
 * The values of `--observed DATE=JSS` (repeatable; `DATE=none` is "no score shown"), checked like
 * the file's `observed`: real dates, unique, not after the history's date `historyDate` (named
 * `historyDateName` in messages), scores whole numbers 0..100. Every problem at once, exit 2.
 */
export function parseObservedOptions(
  values: readonly string[],
  historyDate: string,
  historyDateName = `the history's date ${historyDate}`,
): ObservedValue[] {
  const problems: Problem[] = [];
  const out: ObservedValue[] = [];
  const seen = new Map<string, string>();
  for (const value of values) {
    const fail = (code: string, message: string, hint?: string) =>
      problems.push({ code, message: `--observed ${value}: ${message}`, hint });
    const eq = value.indexOf('=');
    if (eq < 0) {
      fail('invalid-format', FORM);
      continue;
    }
    const date = value.slice(0, eq).trim();
    const score = value.slice(eq + 1).trim();
    if (!isIsoDate(date)) {
      fail('invalid-date', `"${date}" is not a date as YYYY-MM-DD`, FORM);
      continue;
    }
    let jss: number | null;
    if (score === 'none') jss = null;
    else if (/^\d{1,3}$/.test(score) && Number(score) <= 100) jss = Number(score);
    else {
      fail('out-of-range', `"${score}" is not a JSS: a whole number 0..100, or none when no score was shown`);
      continue;
    }
    const before = seen.get(date);
    if (before !== undefined) {
      fail(
        'duplicate-observation',
        `${date} is given twice (also --observed ${before})`,
        'Upwork shows one JSS a day: keep the one you saw',
      );
      continue;
    }
    seen.set(date, value);
    if (date > historyDate) {
      fail(
        'date-after-history',
        `${date} is after ${historyDateName}`,
        "an observation cannot be newer than the history: move the history's date later (asOf in the file; without asOf it is today)",
      );
      continue;
    }
    out.push({ date, jss });
  }
  if (problems.length > 0) throw new UserError(problems);
  return out;
}
