import { type Day, toDay } from './dates.js';
import { formatCents } from './format-number.js';
import type { Contract, History, Observation } from './types.js';

/** Earnings of a contract open on the day rewound to, pro-rated between its payment dates. */
export interface RewindWarning {
  code: 'prorated-earnings';
  contract: string;
  message: string;
}

export interface Rewound {
  /** The history as it stood on the day: a valid history whose `asOf` is that day. */
  history: History;
  /** One `prorated-earnings` warning per contract whose earnings were pro-rated, in file order. */
  warnings: RewindWarning[];
}

/**
 * The history as it stood on `day` (DESIGN §8), with guessed payment dates fixed at `fixedAt`
 * (T of §2: the later of the evaluation date and the history's date H; `day` ≤ `fixedAt`).
 *
 * Returns a history dated `day` (`asOf: day`) that evaluating on `day` like any other history
 * (`prepare(rewound.history, rules, day)`) scores exactly as §8 defines:
 * - contracts that start after `day` are left out; the others keep their file order;
 * - a contract ended on or before `day` is as written (the same object);
 * - a contract open on `day` keeps its status if it is still open on H, else becomes `active` and
 *   loses `end`, `endedBy`, `endReason`, `feedback`, `dispute` (back to `none`) and `refunded`;
 * - money on `day`: a `payments` list keeps the payments dated on or before it, and `earnings` is
 *   their sum (the list is dropped when none is left); otherwise, with first and last payment
 *   dates F and L (given, or guessed: F = start, L = end or `fixedAt`) and earnings X: as written
 *   when `day` ≥ L; earnings 0 and no payment dates when `day` < F; else X × (day − F + 1) /
 *   (L − F + 1) rounded half up to the cent in exact decimal arithmetic, with `lastPayment: day`
 *   (and a `prorated-earnings` warning), or earnings 0 and no payment dates when that rounds to 0;
 * - `refunded` is capped at the earnings on `day`; `clientSuspended` is as written;
 * - `observed` keeps the observations dated on or before `day`.
 * A first payment date that was guessed (F = start) is left unwritten, so evaluating the result
 * guesses it again, to the same day, with the usual `guessed-first-payment` warning. Every last
 * payment date that depended on `fixedAt` is written (pro-rating sets it to `day`), so the result
 * no longer depends on `fixedAt` — except when `day` = `fixedAt`, where a guess of `day` is the
 * same guess. Rewinding to H with `fixedAt` H changes nothing but `asOf`.
 *
 * Pure and cheap: one pass over the contracts, and contracts that did not change on `day` are
 * shared, not copied (infer rewinds a history once per observation). A `day` after `fixedAt` is a
 * RangeError (a later day holds the history as it is: no rewinding).
 */
export function rewindHistory(history: History, day: string, fixedAt: string): Rewound {
  if (day > fixedAt)
    throw new RangeError(`cannot rewind to ${day}: it is after the day guesses are fixed at (${fixedAt})`);
  const e = toDay(day);
  const warnings: RewindWarning[] = [];
  const contracts: Contract[] = [];
  for (const c of history.contracts) {
    if (c.start > day) continue;
    if (c.status === 'ended' && endOf(c) <= day) contracts.push(c);
    else contracts.push(openOn(c, day, e, fixedAt, warnings));
  }
  const rewound: History = { ...history, asOf: day, contracts };
  if (history.observed !== undefined) rewound.observed = observedUpTo(history.observed, day);
  return { history: rewound, warnings };
}

/** The observations dated on or before `day` (the same list when that is all of them). */
export function observedUpTo(observed: Observation[], day: string): Observation[] {
  return observed.every((o) => o.date <= day) ? observed : observed.filter((o) => o.date <= day);
}

/** The end date of an ended contract (a valid history gives every ended contract one). */
export function endOf(c: Contract): string {
  if (c.end === undefined) throw new RangeError(`${c.id} is ended but has no end date`);
  return c.end;
}

/**
 * The last payment date of a contract paid without a payments list, given or guessed (DESIGN §2):
 * its end when it is ended, else `fixedAt`, the day guesses are fixed at.
 */
export function lastPaymentOrGuess(c: Contract, fixedAt: string): string {
  return c.lastPayment ?? (c.status === 'ended' ? endOf(c) : fixedAt);
}

/** A contract open on `day` (started on or before it, not ended by then), as it stood that day. */
function openOn(c: Contract, day: string, e: Day, fixedAt: string, warnings: RewindWarning[]): Contract {
  const stillOpen = c.status !== 'ended';
  const money = moneyOn(c, day, e, fixedAt, warnings);
  const { earnings, payments, firstPayment, lastPayment } = money ?? c;
  // Refunds are taken to come with the end; a contract still open on H keeps its refund, capped.
  const refunded = stillOpen ? Math.min(c.refunded, earnings) : 0;
  if (stillOpen && !money && refunded === c.refunded) return c;
  // A new object with every key set once (no `delete`: objects stay fast to read).
  const out: Contract = {
    id: c.id,
    client: c.client,
    type: c.type,
    status: stillOpen ? c.status : 'active',
    start: c.start,
    earnings,
    refunded,
    dispute: stillOpen ? c.dispute : 'none',
    clientSuspended: c.clientSuspended,
  };
  if (c.title !== undefined) out.title = c.title;
  if (payments !== undefined) out.payments = payments;
  if (firstPayment !== undefined) out.firstPayment = firstPayment;
  if (lastPayment !== undefined) out.lastPayment = lastPayment;
  if (stillOpen && c.feedback !== undefined) out.feedback = c.feedback;
  if (c.notes !== undefined) out.notes = c.notes;
  return out;
}

/** A contract's money on a day before it was all paid. */
interface MoneyOn {
  earnings: number;
  payments?: Contract['payments'];
  firstPayment?: string;
  lastPayment?: string;
}

/**
 * The money of a contract open on `day` as it stood that day (DESIGN §8), or undefined when it is
 * as written: a payments list cut at the day, or earnings pro-rated between the first and last
 * payment dates (with a `prorated-earnings` warning).
 */
function moneyOn(
  c: Contract,
  day: string,
  e: Day,
  fixedAt: string,
  warnings: RewindWarning[],
): MoneyOn | undefined {
  if (c.earnings <= 0) return undefined;
  const { payments } = c;
  if (payments !== undefined && payments.length > 0) {
    let kept = 0;
    for (const p of payments) if (p.date <= day) kept++;
    if (kept === payments.length) return undefined;
    const list = payments.filter((p) => p.date <= day);
    let cents = 0;
    for (const p of list) cents += Math.round(p.amount * 100);
    return {
      earnings: cents / 100,
      payments: list.length > 0 ? list : undefined,
      firstPayment: c.firstPayment,
      lastPayment: c.lastPayment,
    };
  }
  const first = c.firstPayment ?? c.start;
  const last = lastPaymentOrGuess(c, fixedAt);
  if (day < first) return { earnings: 0, payments };
  if (day >= last) return undefined;
  const f = toDay(first);
  const cents = proratedCents(c.earnings, e - f + 1, toDay(last) - f + 1);
  if (cents === 0) return { earnings: 0, payments };
  const stillOpen = c.status !== 'ended';
  warnings.push({
    code: 'prorated-earnings',
    contract: c.id,
    message:
      `${c.id}: earnings on ${day} taken as ${formatCents(cents)} of ${formatCents(Math.round(c.earnings * 100))}, ` +
      `pro rata by day from its first payment ${first}${c.firstPayment === undefined ? ' (guessed: its start)' : ''} ` +
      `to its last ${last}${c.lastPayment === undefined ? ` (guessed: ${stillOpen ? 'taken as paid recently' : 'its end'})` : ''}`,
  });
  return { earnings: cents / 100, payments, firstPayment: c.firstPayment, lastPayment: day };
}

/** `amount` (USD) × `part` / `whole`, in cents, rounded half up in exact decimal arithmetic. */
export function proratedCents(amount: number, part: number, whole: number): number {
  const cents = Math.round(amount * 100);
  if (cents / 100 === amount && cents * part * 2 + whole <= Number.MAX_SAFE_INTEGER) {
    // `amount` is a whole number of cents: integer arithmetic is exact here.
    const num = cents * part;
    let q = Math.floor(num / whole);
    let r = num - q * whole;
    if (r < 0) {
      q--;
      r += whole;
    } else if (r >= whole) {
      q++;
      r -= whole;
    }
    return 2 * r >= whole ? q + 1 : q;
  }
  const { digits, scale } = exactDecimal(amount);
  const num = digits * 100n * BigInt(part);
  const den = 10n ** BigInt(scale) * BigInt(whole);
  return Number((2n * num + den) / (2n * den));
}

/** The decimal form of a number (its shortest round-trip form): digits × 10^−scale. */
function exactDecimal(x: number): { digits: bigint; scale: number } {
  const [mantissa, exponent = '0'] = String(x).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}
