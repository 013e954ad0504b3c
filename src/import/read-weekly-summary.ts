import type { Source } from '../io/read-input.js';
import { FileRowsBuilder } from './file-rows-builder.js';
import type { WeeklySummaryLayout } from './layouts.js';
import { parseContractCell } from './parse-description.js';
import type { CsvRow } from './read-csv.js';
import type { FileRows } from './rows.js';

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
  const file = new FileRowsBuilder(source, layout, header, rows);
  for (const row of rows) {
    const contractText = file.column(row, 'contract');
    const type = file.column(row, 'payment type');
    const date = file.date(row, file.column(row, 'date'), 'the weekly summary writes dates as YYYY-MM-DD');
    const cents = file.cents(row, file.column(row, 'amount'), 'expected a number like `252.00`');
    const contract = parseContractCell(contractText);
    if (contract === undefined) {
      file.problem(
        row,
        'no-contract-id',
        `contract ${JSON.stringify(contractText)} has no contract id`,
        'the weekly summary names contracts as `Title (12345678)`',
      );
    }
    if (date === undefined || cents === undefined || contract === undefined) continue;
    file.sawDate(date);

    // An hourly row has no payment type, only hours.
    const hours = file.column(row, 'hours').trim();
    const hourly = type.trim() === '' && hours !== '' && hours !== '0:00';
    file.keep(row, { date, cents, type, ...(hourly ? { rowType: 'hourly' } : {}) }, () => ({
      client: `unknown-${contract.contractId}`,
      clientUnknown: true,
      contractId: contract.contractId,
      ...(contract.title !== undefined ? { title: contract.title } : {}),
      description: contractText,
    }));
  }
  return file.finish();
}
