import type { Problem } from '../errors.js';
import type { Source } from '../io/read-input.js';
import { normalizeHeader } from './detect-layout.js';
import type { Layout } from './layouts.js';
import type { CsvRow } from './read-csv.js';

/** Rows that become money on a contract. */
export const USED_KINDS = ['hourly', 'fixed', 'bonus', 'refund'] as const;
export type UsedKind = (typeof USED_KINDS)[number];

/** Rows the importer leaves out, by why, for the summary. */
export const SKIPPED_KINDS = [
  'fee',
  'tax',
  'withdrawal',
  'connects',
  'membership',
  'pending',
  'zero',
  'other',
] as const;
export type SkippedKind = (typeof SKIPPED_KINDS)[number];

/** One row that counts: a payment on a contract, or a refund from one. */
export interface MoneyRow {
  file: string;
  line: number;
  date: string;
  /** Whole cents, > 0 (a refund's amount is made positive). */
  cents: number;
  kind: UsedKind;
  client: string;
  /** The client is a placeholder (`unknown-<id>`) the user should replace. */
  clientUnknown?: boolean;
  contractId?: string;
  title?: string;
  rateCents?: number;
  periodStart?: string;
  /** What the row says about itself (its description columns, or the weekly summary's contract cell). */
  description: string;
}

/** What one CSV file gave. */
export interface FileRows {
  file: string;
  layout: Layout;
  /** Data rows read (the header is not counted). */
  read: number;
  rows: MoneyRow[];
  skipped: Record<SkippedKind, number>;
  /** Row types the importer does not know, with how many rows had each (skipped as `other`). */
  otherTypes: Map<string, number>;
  /** Earliest and latest date of any row, used or not. */
  earliest?: string;
  latest?: string;
  warnings: string[];
}

export function emptySkipped(): Record<SkippedKind, number> {
  return { fee: 0, tax: 0, withdrawal: 0, connects: 0, membership: 0, pending: 0, zero: 0, other: 0 };
}

/** What a row type (`Hourly`, `Fixed-price`, `Service Fee`, ...) is; `other` when not known. */
export function classifyType(type: string): UsedKind | Exclude<SkippedKind, 'pending' | 'zero'> {
  const t = type.trim().toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ');
  if (t === 'hourly') return 'hourly';
  if (t === 'fixed price' || t === 'fixed' || t === 'milestone' || t === 'fixed price payment')
    return 'fixed';
  if (t === 'bonus') return 'bonus';
  if (t.includes('refund')) return 'refund';
  if (t.includes('membership')) return 'membership';
  if (t.includes('connect')) return 'connects';
  if (/\b(tax|vat|gst|withholding)\b/.test(t)) return 'tax';
  if (t.includes('withdraw')) return 'withdrawal';
  if (t.includes('fee')) return 'fee';
  return 'other';
}

/**
 * The kind of a row the importer will use, or undefined when it is left out (counted in `skipped`).
 * A row of a type the importer does not know is an error when it carries money (never dropped
 * silently: it may be earnings), and left out with a warning when it is zero. A used row below
 * zero takes money back: a refund.
 */
export function usedKind(
  file: ReturnType<typeof startFile>,
  row: CsvRow,
  kind: ReturnType<typeof classifyType>,
  type: string,
  cents: number,
): UsedKind | undefined {
  const { out, at } = file;
  if (kind === 'other') {
    if (cents !== 0) {
      at(
        row,
        'unknown-row-type',
        `a row of type ${JSON.stringify(type)}, which jss does not know, carries ${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`,
        'jss does not guess what money is: if the row is not earnings or a refund, delete it from a copy of the CSV and import that; otherwise please report the type',
      );
      return undefined;
    }
    out.otherTypes.set(type, (out.otherTypes.get(type) ?? 0) + 1);
    out.skipped.other++;
    return undefined;
  }
  if (kind !== 'hourly' && kind !== 'fixed' && kind !== 'bonus' && kind !== 'refund') {
    out.skipped[kind]++;
    return undefined;
  }
  if (cents === 0) {
    out.skipped.zero++;
    return undefined;
  }
  return cents < 0 ? 'refund' : kind;
}

/** Orders text by code units, the same under every locale (`localeCompare` is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Widens a file's earliest/latest dates to include `date`. */
export function widen(file: { earliest?: string; latest?: string }, date: string): void {
  if (file.earliest === undefined || date < file.earliest) file.earliest = date;
  if (file.latest === undefined || date > file.latest) file.latest = date;
}

/** The empty result of reading one file, with column lookup by header name and problem collection. */
export function startFile(source: Source, layout: FileRows['layout'], header: string[], rows: CsvRow[]) {
  const index = new Map(header.map((name, i) => [normalizeHeader(name), i]));
  const col = (row: CsvRow, name: string): string => row.fields[index.get(name) ?? -1] ?? '';
  const out: FileRows = {
    file: source.name,
    layout,
    read: rows.length,
    rows: [],
    skipped: emptySkipped(),
    otherTypes: new Map(),
    warnings: [],
  };
  const problems: Problem[] = [];
  const at = (row: CsvRow, code: string, message: string, hint?: string) =>
    problems.push({ file: source.name, line: row.line, code, message, hint });
  return { out, col, problems, at };
}
