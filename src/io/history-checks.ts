import { formatNumber } from '../core/format-number.js';
import type { Contract, Observation, Payment } from '../core/types.js';
import type { PathProblem } from './path-problems.js';

type Add = (path: PropertyKey[], code: string, message: string, hint: string) => void;

/**
 * Every check across fields of DESIGN §1, on a history whose shape is already right, as problems
 * at data paths (`['contracts', 3, 'end']`). `latest` is the latest date a fact may have: the
 * history's date H (asOf, or today), or for a changed history the day scored; `latestName` is
 * how messages name it ("the history's date 2026-11-26"). Plain data in, so a history changed in memory can be checked against a later
 * date. `undefined` entries (contracts or observations that failed the shape check) are skipped,
 * so indices stay those of the file. One linear pass; dates are compared as text, which orders
 * valid YYYY-MM-DD dates correctly.
 */
export function historyProblems(
  history: {
    contracts: readonly (Contract | undefined)[];
    observed?: readonly (Observation | undefined)[];
  },
  latest: string,
  latestName = `the history's date ${latest}`,
): PathProblem[] {
  const problems: PathProblem[] = [];
  const firstIndex = new Map<string, number>();
  let index = 0;
  const add: Add = (path, code, message, hint) =>
    problems.push({ path: ['contracts', index, ...path], code, message, hint });
  const limit: Latest = { date: latest, name: latestName };
  for (; index < history.contracts.length; index++) {
    const contract = history.contracts[index];
    if (contract === undefined) continue;
    const seen = firstIndex.get(contract.id);
    if (seen === undefined) firstIndex.set(contract.id, index);
    else {
      add(
        ['id'],
        'duplicate-id',
        `duplicate id "${contract.id}" (contracts[${seen}] has it too)`,
        'every contract needs its own id; correct one of them or remove the copy',
      );
    }
    checkContract(contract, limit, add);
  }
  problems.push(...observationProblems(history.observed ?? [], limit));
  return problems;
}

/** How messages name the history's date: "the history's date 2026-11-26", saying when it is today. */
export function historyDateName(fileAsOf: string | undefined, date: string): string {
  return fileAsOf === undefined
    ? `the history's date ${date} (today: the file has no asOf)`
    : `the history's date ${date}`;
}

/** The latest date a fact may have, and its name in messages ("the history's date 2026-11-26"). */
interface Latest {
  date: string;
  name: string;
}

/** Observed scores: dates unique and not after the history's date (DESIGN §8). */
function observationProblems(observed: readonly (Observation | undefined)[], latest: Latest): PathProblem[] {
  const problems: PathProblem[] = [];
  const firstIndex = new Map<string, number>();
  observed.forEach((o, k) => {
    if (o === undefined) return;
    const seen = firstIndex.get(o.date);
    if (seen !== undefined) {
      problems.push({
        path: ['observed', k, 'date'],
        code: 'duplicate-observation',
        message: `a second observation on ${o.date} (observed[${seen}] has that date too)`,
        hint: 'Upwork shows one JSS a day: keep the one you saw, or correct the date',
      });
    } else firstIndex.set(o.date, k);
    if (o.date > latest.date) {
      problems.push({
        path: ['observed', k, 'date'],
        code: 'date-after-history',
        message: `observation on ${o.date} is after ${latest.name}`,
        hint: LATER_DAY,
      });
    }
  });
  return problems;
}

const LATER_DAY =
  "correct the date, or move the history's date later (asOf in the file; without asOf it is today)";

function checkContract(c: Contract, latest: Latest, add: Add): void {
  const ended = c.status === 'ended';
  if (c.start > latest.date)
    add(['start'], 'date-after-history', `start ${c.start} is after ${latest.name}`, LATER_DAY);

  // The last day a payment may fall on: the end, or the history's date for an open contract.
  let until = latest.date;
  let untilText = latest.name;
  if (ended && c.end === undefined) {
    add(
      ['end'],
      'end-missing',
      'missing: an ended contract needs its end date',
      'add `end: YYYY-MM-DD`, or set status to active or paused',
    );
  } else if (!ended && c.end !== undefined) {
    add(
      ['end'],
      'end-on-open-contract',
      `an open (${c.status}) contract has no end date`,
      'remove end, or set `status: ended`',
    );
  } else if (c.end !== undefined) {
    if (c.end < c.start)
      add(
        ['end'],
        'end-before-start',
        `end ${c.end} is before start ${c.start}`,
        'swap or correct the dates',
      );
    else {
      if (c.end > latest.date)
        add(['end'], 'date-after-history', `end ${c.end} is after ${latest.name}`, LATER_DAY);
      until = c.end;
      untilText = `end ${c.end}`;
    }
  }
  if (!ended) {
    for (const key of ['endedBy', 'endReason'] as const) {
      if (c[key] !== undefined) {
        add(
          [key],
          'ended-only-field',
          `only ended contracts have ${key}; this one is ${c.status}`,
          `remove ${key}, or set \`status: ended\` and an end date`,
        );
      }
    }
  }
  if (c.refunded > c.earnings) {
    add(
      ['refunded'],
      'refunded-over-earnings',
      `refunded ${money(c.refunded)} is more than earnings ${money(c.earnings)}`,
      'a refund comes out of what was paid; correct one of them',
    );
  }
  checkPayments(c, until, untilText, add);
}

function checkPayments(c: Contract, until: string, untilText: string, add: Add): void {
  const listed = c.payments !== undefined && c.payments.length > 0;
  const dated = c.firstPayment !== undefined || c.lastPayment !== undefined;
  const dateKey = c.firstPayment !== undefined ? 'firstPayment' : 'lastPayment';
  if (c.earnings === 0 && (listed || dated)) {
    const key = listed ? 'payments' : dateKey;
    add(
      [key],
      'payments-without-earnings',
      `${key} given but earnings are 0`,
      'set earnings to what was paid, or remove the payment fields',
    );
    return;
  }
  if (listed && dated) {
    add(
      [dateKey],
      'payments-and-dates',
      `${dateKey} given beside a payments list`,
      'keep either the payments list or firstPayment/lastPayment, not both',
    );
    return;
  }
  // With a start after the latest allowed day (reported on its own) there is no range to name.
  // The hint is worded only for a contract that has a problem (most of 100,000 have none).
  const within = () =>
    c.start <= until
      ? `payments fall within the contract, ${c.start}..${until}`
      : `payments fall within the contract, which cannot start after ${untilText}`;
  if (c.payments !== undefined) checkPaymentList(c, c.payments, { until, untilText, within }, add);
  else checkPaymentDates(c, { until, untilText, within }, add);
}

/** The latest day a payment may have, its name in messages, and the hint for a payment outside. */
interface PaymentRange {
  until: string;
  untilText: string;
  /** The hint for a payment outside the contract. */
  within: () => string;
}

/** Each listed payment within the contract; together, the earnings. */
function checkPaymentList(
  c: Contract,
  payments: readonly Payment[],
  { until, untilText, within }: PaymentRange,
  add: Add,
): void {
  let cents = 0;
  payments.forEach((payment, k) => {
    cents += Math.round(payment.amount * 100);
    if (payment.date < c.start)
      add(
        ['payments', k, 'date'],
        'payment-outside-contract',
        `payment on ${payment.date} is before start ${c.start}`,
        within(),
      );
    else if (payment.date > until)
      add(
        ['payments', k, 'date'],
        'payment-outside-contract',
        `payment on ${payment.date} is after ${untilText}`,
        within(),
      );
  });
  if (payments.length > 0 && cents !== Math.round(c.earnings * 100)) {
    add(
      ['payments'],
      'payments-sum',
      `payments sum to ${money(cents / 100)} but earnings are ${money(c.earnings)}`,
      'add the missing payments or correct the amounts, or set earnings to their sum',
    );
  }
}

/** firstPayment and lastPayment within the contract, in order. */
function checkPaymentDates(c: Contract, { until, untilText, within }: PaymentRange, add: Add): void {
  const { firstPayment: first, lastPayment: last } = c;
  if (first !== undefined && first < c.start)
    add(
      ['firstPayment'],
      'payment-outside-contract',
      `firstPayment ${first} is before start ${c.start}`,
      within(),
    );
  else if (first !== undefined && first > until)
    add(
      ['firstPayment'],
      'payment-outside-contract',
      `firstPayment ${first} is after ${untilText}`,
      within(),
    );
  if (last !== undefined && last < c.start)
    add(
      ['lastPayment'],
      'payment-outside-contract',
      `lastPayment ${last} is before start ${c.start}`,
      within(),
    );
  else if (last !== undefined && last > until)
    add(['lastPayment'], 'payment-outside-contract', `lastPayment ${last} is after ${untilText}`, within());
  else if (first !== undefined && last !== undefined && last < first) {
    add(
      ['lastPayment'],
      'payment-dates-order',
      `lastPayment ${last} is before firstPayment ${first}`,
      'swap or correct the dates',
    );
  }
}

function money(amount: number): string {
  return `$${formatNumber(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
