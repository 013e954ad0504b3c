import { CsvError, parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import type { Source } from '../io/read-input.js';

/** One data row of a CSV file: its fields, and the line it starts on (1-based, header is line 1). */
export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * Splits a CSV text into its header and rows with csv-parse. A malformed row (an unclosed quote,
 * a stray quote, a row with more or fewer fields than the header) is an error at its line.
 */
export function readCsv(source: Source): { header: string[]; rows: CsvRow[] } {
  const records: CsvRow[] = [];
  try {
    parse(source.text, {
      trim: true,
      skip_empty_lines: true,
      bom: true,
      // Each record as a row, kept here (returning null leaves csv-parse's own list empty).
      // csv-parse counts the line a record ends on; a quoted field may span lines.
      on_record: (fields, { lines }) => {
        records.push({ line: lines - countLineBreaks(fields), fields });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = typeof error.lines === 'number' ? error.lines : undefined;
      const record = Array.isArray(error.record) ? error.record : undefined;
      const what =
        error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && record
          ? `the row has ${record.length} fields but the header has ${headerFieldCount(source.text)}`
          : error.message.replace(/ (at|on) line \d+.*$/s, '');
      throw new UserError([
        {
          file: source.name,
          line: lines,
          code: 'malformed-row',
          message: `malformed CSV row: ${what}`,
          hint: 'Upwork exports parse as they are; was the file edited or saved by another program?',
        },
      ]);
    }
    throw error;
  }
  const [head, ...rows] = records;
  return { header: head?.fields ?? [], rows };
}

function countLineBreaks(fields: string[]): number {
  let n = 0;
  for (const field of fields) n += field.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

/** How many fields the header line has (for the message about a row of the wrong length). */
function headerFieldCount(text: string): number {
  const [head] = parse(text, { to_line: 1, bom: true });
  return head?.length ?? 0;
}
