/**
 * The history as it stood on a past day, written from DESIGN.md §8 alone, plainly: every date is
 * compared as text or counted with `Date`, every amount is pro-rated with BigInt, and every
 * payment date — given or guessed — is written out, so the result needs no guess at all. Each
 * sentence of §8 is quoted beside the code that does it. Used to check `src/core/rewind.ts`.
 */
import type { Contract, History } from '../../src/core/types.js';
import { daysBetween } from './history-arb.js';

/**
 * `history` as it stood on `day`, "guesses fixed at T" (`fixedAt`, the later of the evaluation date
 * and the history's date).
 */
export function referenceRewind(
  history: History,
  day: string,
  fixedAt: string,
): { history: History; prorated: string[] } {
  const contracts: Contract[] = [];
  const prorated: string[] = [];
  for (const c of history.contracts) {
    // "`start` after E: the contract did not exist yet; it is left out."
    if (c.start > day) continue;
    // "ended on or before E: as written."
    if (c.status === 'ended' && c.end !== undefined && c.end <= day) {
      contracts.push(structuredClone(c));
      continue;
    }
    // "otherwise the contract was open on E"
    const stillOpenOnH = c.status !== 'ended';
    const x: Contract = structuredClone(c);
    if (!stillOpenOnH) {
      // "its status is as written if it is still open on H, else `active`"
      x.status = 'active';
      // "a contract that ended after E loses `end`, `endedBy`, `endReason`, `feedback`, `dispute`
      // and `refunded` (refunds are taken to come with the end)."
      delete x.end;
      delete x.endedBy;
      delete x.endReason;
      delete x.feedback;
      x.dispute = 'none';
      x.refunded = 0;
    }
    // "a contract still open on H keeps its `feedback`, `dispute` and `refunded` on every day."
    // (nothing to do: they are as written)

    if (c.earnings > 0) {
      if (c.payments && c.payments.length > 0) {
        // "with a `payments` list, the payments dated on or before E, and `earnings` is their sum."
        const kept = c.payments.filter((p) => p.date <= day);
        const cents = kept.reduce((sum, p) => sum + BigInt(Math.round(p.amount * 100)), 0n);
        x.earnings = Number(cents) / 100;
        if (kept.length > 0) x.payments = kept;
        else delete x.payments;
      } else {
        // §2: "If gross earnings > 0 and a date is missing, `firstPayment` is `start`, and
        // `lastPayment` is `end` (ended) or T (open)".
        const first = c.firstPayment ?? c.start;
        const last = c.lastPayment ?? (c.status === 'ended' ? (c.end as string) : fixedAt);
        if (day >= last) {
          // "if E ≥ L, as written" (the dates written out)
          x.firstPayment = first;
          x.lastPayment = last;
        } else if (day < first) {
          // "if E < F, earnings 0 and no payment dates"
          x.earnings = 0;
          delete x.firstPayment;
          delete x.lastPayment;
        } else {
          // "X × (E − F + 1) / (L − F + 1) days, rounded half up to the cent in exact decimal
          // arithmetic, with last payment E"
          const cents = roundHalfUpCents(
            c.earnings,
            daysBetween(first, day) + 1,
            daysBetween(first, last) + 1,
          );
          if (cents === 0n) {
            // "an amount that rounds to 0 leaves earnings 0 and no payment dates"
            x.earnings = 0;
            delete x.firstPayment;
            delete x.lastPayment;
          } else {
            x.earnings = Number(cents) / 100;
            x.firstPayment = first;
            x.lastPayment = day;
            // "a warning (`prorated-earnings`) says so"
            prorated.push(c.id);
          }
        }
      }
    }
    // "`refunded` is capped at the earnings on E."
    if (x.refunded > x.earnings) x.refunded = x.earnings;
    // "`clientSuspended` is as written on every day." (it is)
    contracts.push(x);
  }
  const out: History = { ...history, asOf: day, contracts };
  // §8: "Observations after the evaluation date are ignored by every command."
  if (history.observed) out.observed = history.observed.filter((o) => o.date <= day);
  return { history: out, prorated };
}

/** amount × part / whole, in cents, half up: amount as the decimal it was written as. */
function roundHalfUpCents(amount: number, part: number, whole: number): bigint {
  // The decimal the number was written as: e.g. "1250.37" → 125037 × 10^-2.
  const text = String(amount);
  if (text.includes('e')) throw new Error(`reference: amount in exponent form: ${text}`);
  const [int, frac = ''] = text.split('.');
  const digits = BigInt(int + frac);
  const scale = 10n ** BigInt(frac.length);
  // cents = digits / scale × 100 × part / whole
  const num = digits * 100n * BigInt(part);
  const den = scale * BigInt(whole);
  const q = num / den;
  const r = num % den;
  return 2n * r >= den ? q + 1n : q;
}
