import { UserError } from '../errors.js';
import type { Source } from '../io/read-input.js';
import type { TransactionLayout } from './layouts.js';
import { contractIdIn, parseInvoice } from './parse-description.js';
import { parseCents, parseExportDate } from './parse-values.js';
import type { CsvRow } from './read-csv.js';
import { classifyType, type FileRows, type MoneyRow, startFile, usedKind, widen } from './rows.js';

interface Parsed {
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
  const file = startFile(source, layout, header, rows);
  const { out, col, problems, at } = file;

  const parsed: Parsed[] = [];
  for (const row of rows) {
    const dateText = col(row, columns.date);
    const amountText = col(row, columns.amount);
    const date = parseExportDate(dateText);
    const cents = parseCents(amountText);
    if (date === undefined)
      at(
        row,
        'invalid-date',
        `date ${JSON.stringify(dateText)} is not a date`,
        'Upwork writes dates like `Sep 4, 2026`',
      );
    if (cents === undefined)
      at(
        row,
        'invalid-amount',
        `amount ${JSON.stringify(amountText)} is not an amount of money`,
        'expected a number like `-18.00` or `1,250.00`',
      );
    if (date === undefined || cents === undefined) continue;
    widen(out, date);
    parsed.push({
      row,
      date,
      cents,
      type: col(row, columns.type),
      hasBalance: col(row, columns.balance) !== '',
    });
  }

  // Pending rows: no balance yet, and later than every row that has one.
  const lastSettled = parsed
    .filter((p) => p.hasBalance)
    .map((p) => p.date)
    .sort()
    .at(-1);

  const noClient: number[] = [];
  for (const p of parsed) {
    const { row } = p;
    if (!p.hasBalance && lastSettled !== undefined && p.date > lastSettled) {
      out.skipped.pending++;
      continue;
    }
    const descriptions = columns.descriptions.map((name) => col(row, name)).filter((d) => d !== '');
    let type = classifyType(p.type);
    if (type === 'refund' && [p.type, ...descriptions].some((d) => /\bfee\b/i.test(d))) type = 'fee';
    const kind = usedKind(file, row, type, p.type, p.cents);
    if (kind === undefined) continue;

    let client = col(row, columns.client);
    if (client === '') {
      noClient.push(row.line);
      client = 'unknown-client';
    }
    const invoiceText = descriptions.find((d) => /^invoice\s+for\b/i.test(d)) ?? descriptions[0] ?? '';
    const facts = parseInvoice(invoiceText, kind === 'hourly' ? 'hourly' : 'fixed');
    if (facts.badPeriod)
      at(
        row,
        'invalid-date',
        `the invoice period ${JSON.stringify(facts.badPeriod)} is not a pair of dates`,
        'expected MM/DD/YYYY-MM/DD/YYYY',
      );

    const money: MoneyRow = {
      file: source.name,
      line: row.line,
      date: p.date,
      cents: Math.abs(p.cents),
      kind,
      client,
      description: descriptions.join('\n'),
    };
    if (client === 'unknown-client') money.clientUnknown = true;
    // The contract id: in the invoice text, or (19-column layouts) in a column of its own.
    const contractId = facts.contractId ?? descriptions.map(contractIdIn).find((id) => id !== undefined);
    if (contractId) money.contractId = contractId;
    if (kind === 'hourly') {
      if (facts.rateCents !== undefined) money.rateCents = facts.rateCents;
      if (facts.periodStart !== undefined) money.periodStart = facts.periodStart;
    }
    if (kind === 'fixed' && facts.title) money.title = facts.title;
    out.rows.push(money);
  }

  if (problems.length > 0) throw new UserError(problems);
  if (noClient.length > 0) {
    out.warnings.push(
      `${source.name}: ${noClient.length} row(s) name no client (line ${noClient.slice(0, 5).join(', ')}${noClient.length > 5 ? ', ...' : ''}); they are put under "unknown-client"`,
    );
  }
  return out;
}
