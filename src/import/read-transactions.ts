import type { Source } from '../io/read-input.js';
import { FileRowsBuilder, type RowDetails } from './file-rows-builder.js';
import type { TransactionColumns, TransactionLayout } from './layouts.js';
import { contractIdIn, parseInvoice } from './parse-description.js';
import type { CsvRow } from './read-csv.js';
import { classifyType } from './row-type.js';
import type { FileRows, UsedKind } from './rows.js';

/** A row whose date and amount are read; whether it counts is decided once the pending rows are known. */
interface DatedRow {
  row: CsvRow;
  date: string;
  cents: number;
  type: string;
  hasBalance: boolean;
}

/**
 * Reads a transaction history (any of its three layouts): earning rows become payments, refund
 * rows refunds; fees, taxes, withdrawals, Connects and membership rows are counted and left out,
 * and so are pending rows (an empty balance, dated after the last row that has one).
 */
export function readTransactions(
  source: Source,
  layout: TransactionLayout,
  header: string[],
  rows: CsvRow[],
): FileRows {
  const { columns } = layout;
  const file = new FileRowsBuilder(source, layout, header, rows);
  const dated = readDates(file, columns, rows);

  // Pending rows: no balance yet, and later than every row that has one.
  const lastSettled = dated
    .filter((d) => d.hasBalance)
    .map((d) => d.date)
    .sort()
    .at(-1);

  const noClient: number[] = [];
  for (const { row, date, cents, type, hasBalance } of dated) {
    if (!hasBalance && lastSettled !== undefined && date > lastSettled) {
      file.skip('pending');
      continue;
    }
    const descriptions = columns.descriptions.map((name) => file.column(row, name)).filter((d) => d !== '');
    // A refund of a fee is a fee.
    const feeRefund =
      classifyType(type) === 'refund' && [type, ...descriptions].some((d) => /\bfee\b/i.test(d));
    file.keep(row, { date, cents, type, ...(feeRefund ? { rowType: 'fee' } : {}) }, (kind) => {
      const client = file.column(row, columns.client);
      if (client === '') noClient.push(row.line);
      return rowDetails(file, row, kind, client, descriptions);
    });
  }
  if (noClient.length > 0) {
    file.warn(
      `${source.name}: ${noClient.length} row(s) name no client (line ${noClient.slice(0, 5).join(', ')}${noClient.length > 5 ? ', ...' : ''}); they are put under "unknown-client"`,
    );
  }
  return file.finish();
}

/** Every row with a valid date and amount, with its type and whether it has a balance yet. */
function readDates(file: FileRowsBuilder, columns: TransactionColumns, rows: readonly CsvRow[]): DatedRow[] {
  const dated: DatedRow[] = [];
  for (const row of rows) {
    const date = file.date(row, file.column(row, columns.date), 'Upwork writes dates like `Sep 4, 2026`');
    const cents = file.cents(
      row,
      file.column(row, columns.amount),
      'expected a number like `-18.00` or `1,250.00`',
    );
    if (date === undefined || cents === undefined) continue;
    file.sawDate(date);
    const type = file.column(row, columns.type);
    dated.push({ row, date, cents, type, hasBalance: file.column(row, columns.balance) !== '' });
  }
  return dated;
}

/** The client, contract id and invoice facts (rate, period, title) of a row that counts. */
function rowDetails(
  file: FileRowsBuilder,
  row: CsvRow,
  kind: UsedKind,
  client: string,
  descriptions: readonly string[],
): RowDetails {
  const invoiceText = descriptions.find((d) => /^invoice\s+for\b/i.test(d)) ?? descriptions[0] ?? '';
  const facts = parseInvoice(invoiceText, kind === 'hourly' ? 'hourly' : 'fixed');
  if (facts.badPeriod)
    file.problem(
      row,
      'invalid-date',
      `the invoice period ${JSON.stringify(facts.badPeriod)} is not a pair of dates`,
      'expected MM/DD/YYYY-MM/DD/YYYY',
    );
  const details: RowDetails = {
    client: client === '' ? 'unknown-client' : client,
    description: descriptions.join('\n'),
  };
  if (details.client === 'unknown-client') details.clientUnknown = true;
  // The contract id: in the invoice text, or (19-column layouts) in a column of its own.
  const contractId = facts.contractId ?? descriptions.map(contractIdIn).find((id) => id !== undefined);
  if (contractId) details.contractId = contractId;
  if (kind === 'hourly') {
    if (facts.rateCents !== undefined) details.rateCents = facts.rateCents;
    if (facts.periodStart !== undefined) details.periodStart = facts.periodStart;
  }
  if (kind === 'fixed' && facts.title) details.title = facts.title;
  return details;
}
