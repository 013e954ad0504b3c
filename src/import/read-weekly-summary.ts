import { UserError } from '../errors.js';
import type { Source } from '../io/read-input.js';
import type { WeeklySummaryLayout } from './layouts.js';
import { parseContractCell } from './parse-description.js';
import { parseCents, parseExportDate } from './parse-values.js';
import type { CsvRow } from './read-csv.js';
import { classifyType, type FileRows, startFile, usedKind, widen } from './rows.js';

/**
 * Reads a weekly summary: each row names its contract as `Title (12345678)` but not the client,
 * so every contract gets the placeholder client `unknown-<contract id>`.
 */
export function readWeeklySummary(
  source: Source,
  layout: WeeklySummaryLayout,
  header: string[],
  rows: CsvRow[],
): FileRows {
  const file = startFile(source, layout, header, rows);
  const { out, col, problems, at } = file;

  for (const row of rows) {
    const dateText = col(row, 'date');
    const amountText = col(row, 'amount');
    const contractText = col(row, 'contract');
    const type = col(row, 'payment type');
    const date = parseExportDate(dateText);
    const cents = parseCents(amountText);
    const contract = parseContractCell(contractText);
    if (date === undefined)
      at(
        row,
        'invalid-date',
        `date ${JSON.stringify(dateText)} is not a date`,
        'the weekly summary writes dates as YYYY-MM-DD',
      );
    if (cents === undefined)
      at(
        row,
        'invalid-amount',
        `amount ${JSON.stringify(amountText)} is not an amount of money`,
        'expected a number like `252.00`',
      );
    if (contract === undefined) {
      at(
        row,
        'no-contract-id',
        `contract ${JSON.stringify(contractText)} has no contract id`,
        'the weekly summary names contracts as `Title (12345678)`',
      );
    }
    if (date === undefined || cents === undefined || contract === undefined) continue;
    widen(out, date);

    // An hourly row has no payment type, only hours.
    const hours = col(row, 'hours').trim();
    const effectiveType = type.trim() === '' && hours !== '' && hours !== '0:00' ? 'Hourly' : type;
    const kind = usedKind(file, row, classifyType(effectiveType), type, cents);
    if (kind === undefined) continue;
    out.rows.push({
      file: source.name,
      line: row.line,
      date,
      cents: Math.abs(cents),
      kind,
      client: `unknown-${contract.contractId}`,
      clientUnknown: true,
      contractId: contract.contractId,
      ...(contract.title !== undefined ? { title: contract.title } : {}),
      description: contractText,
    });
  }
  if (problems.length > 0) throw new UserError(problems);
  return out;
}
