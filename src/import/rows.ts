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
  /** The row's own id in the export, to count a row found in two files once. */
  rowId?: string;
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
  if (t === 'fixed price' || t === 'fixed' || t === 'milestone') return 'fixed';
  if (t === 'bonus') return 'bonus';
  if (t.includes('refund')) return 'refund';
  if (t.includes('membership')) return 'membership';
  if (t.includes('connect')) return 'connects';
  if (/\b(tax|vat|gst|withholding)\b/.test(t)) return 'tax';
  if (t.includes('withdraw')) return 'withdrawal';
  if (t.includes('fee')) return 'fee';
  return 'other';
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
