import { toDay } from '../core/dates.js';

/** A contract whose last payment is more than this many days before the export's latest date is guessed ended. */
export const ENDED_AFTER_DAYS = 30;

/**
 * The status the payments suggest, judged against the export's latest date (never today, so the
 * same export always gives the same guess): ended on its last payment when that is more than
 * 30 days before `latest`, else active.
 */
export function guessStatus(
  lastPayment: string,
  latest: string,
): { status: 'active' } | { status: 'ended'; end: string } {
  return toDay(latest) - toDay(lastPayment) > ENDED_AFTER_DAYS
    ? { status: 'ended', end: lastPayment }
    : { status: 'active' };
}
