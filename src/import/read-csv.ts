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
  const lines = lineCounter(source.text);
  const records: CsvRow[] = [];
  /** Where the record being read began: the byte after the last record's end. */
  let end = 0;
  try {
    parse(source.text, {
      trim: true,
      skip_empty_lines: true,
      bom: true,
      // Each record as a row, kept here (returning null leaves csv-parse's own list empty).
      // csv-parse's own line count takes a CRLF inside a quoted field for two lines; the byte
      // offset where each record ends is exact, and lines are counted from there.
      on_record: (fields, { bytes }) => {
        records.push({ line: lines.startOf(end, bytes), fields });
        end = bytes;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const record = Array.isArray(error.record) ? error.record : undefined;
      const what =
        error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && record
          ? `the row has ${record.length} fields but the header has ${headerFieldCount(source.text)}`
          : error.message.replace(/ (at|on) line \d+.*$/s, '');
      throw new UserError([
        {
          file: source.name,
          line: lines.startOf(end),
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

/**
 * The line a record starts on, from the byte offset where the one before it ended: the first byte
 * that is not blank (empty lines are skipped), counted in lines as an editor shows them (LF,
 * CRLF or a lone CR ends one). Records come in order, so the bytes are walked once.
 */
function lineCounter(text: string): { startOf(from: number, until?: number): number } {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  let line = 1;
  return {
    startOf(from, until = bytes.length) {
      let start = from;
      while (start < until && isBlank(bytes[start])) start++;
      for (; at < start; at++) {
        const b = bytes[at];
        if (b === LF || (b === CR && bytes[at + 1] !== LF)) line++;
      }
      return line;
    },
  };
}

const LF = 10;
const CR = 13;

function isBlank(byte: number): boolean {
  return byte === LF || byte === CR || byte === 32 || byte === 9;
}

/** How many fields the header line has (for the message about a row of the wrong length). */
function headerFieldCount(text: string): number {
  const [head] = parse(text, { to_line: 1, bom: true });
  return head?.length ?? 0;
}
