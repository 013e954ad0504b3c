/** What one CSV file gave: the rows that count, and how many were left out and why. */
import type { Layout } from './layouts.js';

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
