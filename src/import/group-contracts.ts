import { formatCents } from '../core/format-number.js';
import type { ContractType } from '../core/types.js';
import { compareText } from './compare-text.js';
import { importedId } from './contract-id.js';
import { guessStatus } from './guess-status.js';
import type { MoneyRow } from './rows.js';

export interface ImportedPayment {
  date: string;
  cents: number;
}

/** A contract as the export shows it. Money in whole cents. */
export interface ImportedContract {
  id: string;
  client: string;
  /** The client is a placeholder (`unknown-...`) for the user to replace. */
  clientUnknown: boolean;
  title?: string;
  type: ContractType;
  rateCents?: number;
  start: string;
  /** Guessed from the payments (see guess-status.ts). */
  status: 'active' | 'ended';
  end?: string;
  payments: ImportedPayment[];
  earningsCents: number;
  refundedCents: number;
  /** Set when the export's refunds exceed the earnings: what they add up to (refunded is capped). */
  refundsFoundCents?: number;
  /** Made from bonus rows alone: the export holds no other payment on it. */
  bonusOnly: boolean;
  /** The `imp-` id it would have without a contract id (client, type, title or rate): `--merge` finds it under that. */
  importedId: string;
}

interface Group {
  key: string;
  contractId?: string;
  client: string;
  clientUnknown: boolean;
  title?: string;
  type: ContractType;
  rateCents?: number;
  /** Hourly and fixed-price rows. */
  base: MoneyRow[];
  bonuses: MoneyRow[];
  refunds: MoneyRow[];
}

export interface Grouped {
  contracts: ImportedContract[];
  warnings: string[];
}

const byDateThenLine = (a: MoneyRow, b: MoneyRow) =>
  compareText(a.date, b.date) || compareText(a.file, b.file) || a.line - b.line;

function rowsAt(rows: MoneyRow[]): string {
  const lines = rows.map((r) => `${r.file}:${r.line}`);
  return lines.length > 3 ? `${lines.slice(0, 3).join(', ')}, ...` : lines.join(', ');
}

/**
 * Groups money rows into contracts (DESIGN §7): by contract id where a row has one; else
 * fixed-price rows by client and title, hourly rows by client and rate. A bonus or refund joins
 * the client's contract with the latest payment on or before its date, else the client's earliest
 * contract. `latest` is the export's latest date, against which status and end are guessed.
 */
export function groupContracts(rows: readonly MoneyRow[], latest: string): Grouped {
  const groups = new Map<string, Group>();
  const warnings: string[] = [];
  const sorted = [...rows].sort(byDateThenLine);
  for (const row of sorted)
    if (row.kind === 'hourly' || row.kind === 'fixed') addBaseRow(groups, row, row.kind);
  const unattached: MoneyRow[] = [];
  for (const row of sorted) {
    if ((row.kind === 'bonus' || row.kind === 'refund') && !attach(groups, row, row.kind))
      unattached.push(row);
  }
  if (unattached.length > 0) {
    const total = unattached.reduce((sum, r) => sum + r.cents, 0);
    warnings.push(
      `${unattached.length} refund row(s) (${formatCents(total)}) match no contract in the export and were left out (${rowsAt(unattached)})`,
    );
  }

  const contracts = [...groups.values()]
    .sort((a, b) => compareText(a.key, b.key))
    .map((group) => toContract(group, latest, warnings));
  makeIdsUnique(contracts);
  contracts.sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  return { contracts, warnings };
}

/** The group under `key`, made from `row` when there is none yet; a row may name its client or title. */
function openGroup(groups: Map<string, Group>, key: string, row: MoneyRow, type: ContractType): Group {
  let group = groups.get(key);
  if (!group) {
    group = {
      key,
      client: row.client,
      clientUnknown: row.clientUnknown === true,
      type,
      base: [],
      bonuses: [],
      refunds: [],
    };
    if (row.contractId !== undefined) group.contractId = row.contractId;
    groups.set(key, group);
  }
  if (group.clientUnknown && !row.clientUnknown) {
    group.client = row.client;
    group.clientUnknown = false;
  }
  if (group.title === undefined && row.title !== undefined) group.title = row.title;
  return group;
}

/** An hourly or fixed-price row joins its contract: by id, else by client and title or rate. */
function addBaseRow(groups: Map<string, Group>, row: MoneyRow, kind: 'hourly' | 'fixed'): void {
  let key: string;
  if (row.contractId !== undefined) key = `id\0${row.contractId}`;
  else if (kind === 'fixed') key = `fixed\0${row.client}\0${row.title ?? ''}`;
  else key = `hourly\0${row.client}\0${row.rateCents ?? ''}`;
  const group = openGroup(groups, key, row, kind);
  if (kind === 'hourly') group.type = 'hourly';
  if (kind === 'hourly' && group.rateCents === undefined && row.rateCents !== undefined)
    group.rateCents = row.rateCents;
  group.base.push(row);
}

/**
 * A bonus or refund joins its contract (by id, else the client's, see clientContractFor); a bonus
 * with none makes a contract of its own. False for a refund that matches no contract.
 */
function attach(groups: Map<string, Group>, row: MoneyRow, kind: 'bonus' | 'refund'): boolean {
  let group =
    row.contractId !== undefined ? groups.get(`id\0${row.contractId}`) : clientContractFor(groups, row);
  if (!group && kind === 'bonus') {
    group = openGroup(
      groups,
      row.contractId !== undefined ? `id\0${row.contractId}` : `bonus\0${row.client}`,
      row,
      'fixed',
    );
  }
  if (!group) return false;
  if (kind === 'bonus') group.bonuses.push(row);
  else group.refunds.push(row);
  return true;
}

/** The client's contract with the latest payment on or before the row's day, else its earliest. */
function clientContractFor(groups: Map<string, Group>, row: MoneyRow): Group | undefined {
  let best: { group: Group; date: string } | undefined;
  let earliest: { group: Group; date: string } | undefined;
  for (const group of groups.values()) {
    if (group.client !== row.client || group.base.length === 0) continue;
    const first = group.base[0].date;
    if (!earliest || first < earliest.date || (first === earliest.date && group.key < earliest.group.key)) {
      earliest = { group, date: first };
    }
    const before = group.base.filter((r) => r.date <= row.date).at(-1)?.date;
    if (before === undefined) continue;
    if (!best || before > best.date || (before === best.date && group.key < best.group.key))
      best = { group, date: before };
  }
  return (best ?? earliest)?.group;
}

function toContract(group: Group, latest: string, warnings: string[]): ImportedContract {
  const paid = [...group.base, ...group.bonuses].sort(byDateThenLine);
  const payments = paid.map((r) => ({ date: r.date, cents: r.cents }));
  const earningsCents = payments.reduce((sum, p) => sum + p.cents, 0);
  const refundsCents = group.refunds.reduce((sum, r) => sum + r.cents, 0);
  const periodStarts = group.base.map((r) => r.periodStart).filter((d) => d !== undefined);
  const start = [payments[0].date, ...periodStarts].sort()[0];
  const fallbackId = importedId(
    group.client,
    group.type,
    group.base.length === 0
      ? 'bonus'
      : group.type === 'hourly'
        ? rateText(group.rateCents)
        : (group.title ?? ''),
  );
  const id = group.contractId ?? fallbackId;

  const contract: ImportedContract = {
    id,
    client: group.client,
    clientUnknown: group.clientUnknown,
    type: group.type,
    start,
    ...guessStatus(payments[payments.length - 1].date, latest),
    payments,
    earningsCents,
    refundedCents: Math.min(refundsCents, earningsCents),
    bonusOnly: group.base.length === 0,
    importedId: fallbackId,
  };
  if (group.title !== undefined) contract.title = group.title;
  if (group.rateCents !== undefined) contract.rateCents = group.rateCents;
  if (refundsCents > earningsCents) {
    contract.refundsFoundCents = refundsCents;
    warnings.push(
      `contract ${id} (${group.client}): refunds of ${formatCents(refundsCents)} exceed its earnings of ${formatCents(earningsCents)} in the export; refunded is set to the earnings (${rowsAt(group.refunds)})`,
    );
  }
  return contract;
}

function rateText(cents: number | undefined): string {
  return cents === undefined ? '' : (cents / 100).toFixed(2);
}

/** Two groups whose hashes collide get `-2`, `-3`, ... in a fixed order. */
function makeIdsUnique(contracts: ImportedContract[]): void {
  const seen = new Map<string, number>();
  for (const c of contracts) {
    const n = (seen.get(c.id) ?? 0) + 1;
    seen.set(c.id, n);
    if (n > 1) c.id = `${c.id}-${n}`;
  }
}
