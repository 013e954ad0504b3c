import { laterDate } from '../core/dates.js';
import { formatCents } from '../core/format-number.js';
import type { Contract, Payment } from '../core/types.js';
import { compareText } from './compare-text.js';
import type { ImportedContract, ImportedPayment } from './group-contracts.js';
import { guessStatus } from './guess-status.js';
import { dollarsFromCents } from './parse-values.js';
import { END_GUESS_COMMENT, GUESS_MARK, statusGuessComment } from './write-history.js';

/** A contract already in the history, as validated, with what the file itself says about it. */
export interface ExistingContract {
  contract: Contract;
  /** The keys written in the file (defaults such as `refunded: 0` are not). */
  keys: ReadonlySet<string>;
  /** The comment beside its status in the file ('' when none); the importer's guesses carry GUESS_MARK. */
  statusComment: string;
}

/**
 * One edit `--merge` makes to a contract of the history: set a field (keeping its comments unless
 * `comment` is given), replace its payments list, or remove a field. (Not a changes file's change:
 * see core/apply-changes.ts.)
 */
export type FieldEdit =
  | { op: 'set'; key: string; value: string | number; comment?: string }
  | { op: 'set-payments'; payments: Payment[] }
  | { op: 'remove'; key: string };

/** The edits to the contract at `index` of the history's list (none when the export agrees with it). */
export interface ContractEdits {
  index: number;
  id: string;
  edits: FieldEdit[];
}

export interface MergePlan {
  /**
   * Move the file's asOf to this date (the export's latest): only when the file has one and
   * merged payments come after it (DESIGN §7). `asOfWas` is the date it had.
   */
  asOf?: string;
  asOfWas?: string;
  updated: ContractEdits[];
  added: ImportedContract[];
  /** Contracts of the history the export does not mention: left as they are. */
  untouched: number;
  warnings: string[];
}

export interface ExportRange {
  earliest: string;
  latest: string;
}

const cents = (dollars: number) => Math.round(dollars * 100);
const toPayment = (p: ImportedPayment): Payment => ({ date: p.date, amount: dollarsFromCents(p.cents) });

/**
 * How to refresh a history with an export, contract by contract (matched by id). The export is
 * the truth for the days it covers (its earliest..latest date): payments on those days are
 * replaced by the export's, payments outside them are kept. Nothing else the user wrote is edited,
 * except a start or end a payment now falls outside of (moved, with a comment saying so) and a
 * status still marked as the importer's guess (guessed again).
 */
export function planMerge(
  existing: readonly ExistingContract[],
  imported: readonly ImportedContract[],
  range: ExportRange,
  fileAsOf: string | undefined,
): MergePlan {
  const byId = new Map(imported.map((c) => [c.id, c]));
  // A contract imported under an `imp-` id that the export now gives a contract id is the same
  // contract (same client, type and title or rate): it keeps its old id.
  const byImportedId = new Map(imported.filter((c) => c.id !== c.importedId).map((c) => [c.importedId, c]));
  const known = new Set<string>();
  const plan: MergePlan = { updated: [], added: [], untouched: 0, warnings: [] };
  existing.forEach((old, index) => {
    const id = old.contract.id;
    const fresh = byId.get(id) ?? (id.startsWith('imp-') ? byImportedId.get(id) : undefined);
    if (!fresh) {
      plan.untouched++;
      return;
    }
    known.add(fresh.id);
    plan.updated.push({ index, id: old.contract.id, edits: contractEdits(old, fresh, range, plan.warnings) });
  });
  plan.added = imported.filter((c) => !known.has(c.id));
  // An asOf the user wrote stays, unless the history would then hold payments after its date.
  const lastPaid = imported.reduce((last, c) => c.payments.reduce((l, p) => laterDate(l, p.date), last), '');
  if (fileAsOf !== undefined && lastPaid > fileAsOf) {
    plan.asOf = range.latest;
    plan.asOfWas = fileAsOf;
  }
  return plan;
}

/** The edits to one contract, with the warnings that explain them, as they are worked out. */
interface Editing {
  contract: Contract;
  old: ExistingContract;
  /** `contract <id>`, how warnings name it. */
  label: string;
  edits: FieldEdit[];
  warnings: string[];
}

/** Adds an edit that sets `key` (with `comment` beside it, when given). */
function setField(e: Editing, key: string, value: string | number, comment?: string): void {
  e.edits.push(comment === undefined ? { op: 'set', key, value } : { op: 'set', key, value, comment });
}

/** The edits that bring one contract of the history up to date with the export. */
function contractEdits(
  old: ExistingContract,
  fresh: ImportedContract,
  range: ExportRange,
  warnings: string[],
): FieldEdit[] {
  const c = old.contract;
  const e: Editing = { contract: c, old, label: `contract ${c.id}`, edits: [], warnings };
  const covered = covers(range, old);
  const { earningsCents, paidDays } = editPayments(e, fresh, range, covered);
  if (earningsCents !== cents(c.earnings)) setField(e, 'earnings', dollarsFromCents(earningsCents));
  editRefunded(e, fresh, covered, earningsCents);
  // Dates the refreshed payments must lie within.
  const first = paidDays[0];
  const last = paidDays.at(-1);
  if (first !== undefined && first < c.start) {
    setField(e, 'start', first, ` moved from ${c.start} by jss import: a payment falls on ${first}`);
    warnings.push(
      `${e.label}: start moved from ${c.start} to ${first}, the day of its first payment in the export`,
    );
  }
  if (last !== undefined) editStatusAndEnd(e, last, range);
  return e.edits;
}

/** Whether the export covers the whole contract: its first payment is within the export's days. */
function covers(range: ExportRange, old: ExistingContract): boolean {
  const c = old.contract;
  const firstKnown = (c.payments ?? []).map((p) => p.date).sort()[0] ?? c.firstPayment ?? c.start;
  return firstKnown >= range.earliest || c.earnings === 0;
}

/**
 * Refreshes the payments the way the file keeps them (a list by date, or only the first and last
 * day): the earnings they add up to, and the days of the refreshed payments in order (none when
 * the money is left as it was). `covered`: the export covers the whole contract.
 */
function editPayments(
  e: Editing,
  fresh: ImportedContract,
  range: ExportRange,
  covered: boolean,
): { earningsCents: number; paidDays: string[] } {
  const { contract: c, old } = e;
  const oldPayments = (c.payments ?? []).map((p) => ({ date: p.date, cents: cents(p.amount) }));
  let payments: ImportedPayment[];
  if (old.keys.has('payments')) {
    const inRange = (p: ImportedPayment) => p.date >= range.earliest && p.date <= range.latest;
    const dropped = without(oldPayments.filter(inRange), fresh.payments);
    if (dropped.length > 0) {
      e.warnings.push(
        `${e.label}: ${dropped.length} payment(s) on days the export covers are not in it and were removed (${dropped.map((p) => `${p.date} ${formatCents(p.cents)}`).join(', ')})`,
      );
    }
    payments = [...oldPayments.filter((p) => !inRange(p)), ...fresh.payments].sort((a, b) =>
      compareText(a.date, b.date),
    );
  } else if (covered && (old.keys.has('firstPayment') || old.keys.has('lastPayment'))) {
    const first = fresh.payments[0].date;
    const last = fresh.payments[fresh.payments.length - 1].date;
    if (c.firstPayment !== first) setField(e, 'firstPayment', first);
    if (c.lastPayment !== last) setField(e, 'lastPayment', last);
    return { earningsCents: fresh.earningsCents, paidDays: [first, last] };
  } else if (covered) {
    payments = fresh.payments;
  } else {
    e.warnings.push(
      `${e.label}: its payments before ${range.earliest} are not in the export and the file has no payments list to keep them by date, so its earnings were left as they were`,
    );
    return { earningsCents: cents(c.earnings), paidDays: [] };
  }
  if (!samePayments(oldPayments, payments) || !old.keys.has('payments')) {
    e.edits.push({ op: 'set-payments', payments: payments.map(toPayment) });
  }
  return {
    earningsCents: payments.reduce((sum, p) => sum + p.cents, 0),
    paidDays: payments.map((p) => p.date),
  };
}

/** Refunded as the export says (never lowered by an export that misses the contract's start), at most the earnings. */
function editRefunded(e: Editing, fresh: ImportedContract, covered: boolean, earningsCents: number): void {
  const c = e.contract;
  let refundedCents = covered ? fresh.refundedCents : Math.max(cents(c.refunded), fresh.refundedCents);
  if (refundedCents > earningsCents) {
    e.warnings.push(
      `${e.label}: refunded ${formatCents(refundedCents)} is more than its earnings; set to the earnings`,
    );
    refundedCents = earningsCents;
  }
  if (refundedCents !== cents(c.refunded) && (e.old.keys.has('refunded') || refundedCents > 0)) {
    setField(e, 'refunded', dollarsFromCents(refundedCents));
  }
}

/**
 * A status still marked as the importer's guess is guessed again from the last payment (with its
 * end); a confirmed end that a payment now falls after is moved to that payment.
 */
function editStatusAndEnd(e: Editing, last: string, range: ExportRange): void {
  const c = e.contract;
  const reguess =
    e.old.statusComment.includes(GUESS_MARK) &&
    c.status !== 'paused' &&
    c.endedBy === undefined &&
    c.endReason === undefined;
  if (reguess) {
    const guess = guessStatus(last, range.latest);
    const comment = statusGuessComment(guess.status, range.latest);
    if (guess.status !== c.status || comment !== e.old.statusComment)
      setField(e, 'status', guess.status, comment);
    if (guess.status !== c.status) {
      e.warnings.push(
        `${e.label}: status guessed again: ${guess.status} (its last payment is on ${last}); check it`,
      );
    }
    if (guess.status === 'ended' && guess.end !== c.end) setField(e, 'end', guess.end, END_GUESS_COMMENT);
    if (guess.status === 'active' && c.end !== undefined) e.edits.push({ op: 'remove', key: 'end' });
  } else if (c.status === 'ended' && c.end !== undefined && last > c.end) {
    setField(e, 'end', last, ` moved from ${c.end} by jss import: a payment falls on ${last}`);
    e.warnings.push(
      `${e.label}: end moved from ${c.end} to ${last}, the day of its last payment in the export`,
    );
  }
}

/** `list` less one of each payment in `remove` (same day and amount). */
function without(list: ImportedPayment[], remove: readonly ImportedPayment[]): ImportedPayment[] {
  const left = [...remove];
  return list.filter((p) => {
    const i = left.findIndex((q) => q.date === p.date && q.cents === p.cents);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

function samePayments(a: readonly ImportedPayment[], b: readonly ImportedPayment[]): boolean {
  return a.length === b.length && a.every((p, i) => p.date === b[i].date && p.cents === b[i].cents);
}
