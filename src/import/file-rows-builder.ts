import { type Problem, UserError } from '../errors.js';
import type { Source } from '../io/read-input.js';
import { normalizeHeader } from './detect-layout.js';
import type { Layout } from './layouts.js';
import { parseCents, parseExportDate } from './parse-values.js';
import type { CsvRow } from './read-csv.js';
import { classifyType, type RowType } from './row-type.js';
import { emptySkipped, type FileRows, type MoneyRow, type SkippedKind, type UsedKind } from './rows.js';

/** What a reader found in a row before it is classified: its day, signed amount and type. */
export interface RowFound {
  date: string;
  /** Signed whole cents, as in the file (below zero takes money back). */
  cents: number;
  /** The type as written, for messages and the summary. */
  type: string;
  /** What the type is, when the reader knows better than the type column alone. */
  rowType?: RowType;
}

/** What only the reader of a layout knows about a row that counts: who, which contract, its text. */
export type RowDetails = Omit<MoneyRow, 'file' | 'line' | 'date' | 'cents' | 'kind'>;

/**
 * Builds what one CSV file gave, row by row, for the transaction and weekly-summary readers alike:
 * finds columns by header name, collects every problem (thrown together by `finish`), counts the
 * rows left out, and keeps the rows that count. The readers only read their layout's fields.
 */
export class FileRowsBuilder {
  private readonly source: Source;
  private readonly columns: Map<string, number>;
  private readonly problems: Problem[] = [];
  private readonly result: FileRows;

  constructor(source: Source, layout: Layout, header: readonly string[], rows: readonly CsvRow[]) {
    this.source = source;
    this.columns = new Map(header.map((name, i) => [normalizeHeader(name), i]));
    this.result = {
      file: source.name,
      layout,
      read: rows.length,
      rows: [],
      skipped: emptySkipped(),
      otherTypes: new Map(),
      warnings: [],
    };
  }

  /** The field under a header (lower case), or `''` when the row has none. */
  column(row: CsvRow, name: string): string {
    return row.fields[this.columns.get(name) ?? -1] ?? '';
  }

  /** Records a problem at the row's line; the file is refused when it has any. */
  problem(row: CsvRow, code: string, message: string, hint?: string): void {
    this.problems.push({ file: this.source.name, line: row.line, code, message, hint });
  }

  /** The row's date, or undefined (a problem) when `text` is not one. */
  date(row: CsvRow, text: string, hint: string): string | undefined {
    const date = parseExportDate(text);
    if (date === undefined)
      this.problem(row, 'invalid-date', `date ${JSON.stringify(text)} is not a date`, hint);
    return date;
  }

  /** The row's amount in signed cents, or undefined (a problem) when `text` is not money. */
  cents(row: CsvRow, text: string, hint: string): number | undefined {
    const cents = parseCents(text);
    if (cents === undefined)
      this.problem(row, 'invalid-amount', `amount ${JSON.stringify(text)} is not an amount of money`, hint);
    return cents;
  }

  /** Widens the file's earliest/latest dates to include a row's date, used or not. */
  sawDate(date: string): void {
    const file = this.result;
    if (file.earliest === undefined || date < file.earliest) file.earliest = date;
    if (file.latest === undefined || date > file.latest) file.latest = date;
  }

  /** Counts a row left out before it is classified (a pending row). */
  skip(kind: SkippedKind): void {
    this.result.skipped[kind]++;
  }

  warn(message: string): void {
    this.result.warnings.push(message);
  }

  /**
   * Classifies a row and keeps it when it counts: a used row below zero takes money back (a
   * refund, its amount made positive); fees, taxes and the like, and rows of zero, are counted
   * and left out. A row of a type jss does not know is a problem when it carries money (never
   * dropped silently: it may be earnings), and counted with its type when it is zero. `details`
   * is asked only for a row that counts.
   */
  keep(row: CsvRow, found: RowFound, details: (kind: UsedKind) => RowDetails): void {
    const kind = this.usedKind(row, found);
    if (kind === undefined) return;
    this.result.rows.push({
      file: this.source.name,
      line: row.line,
      date: found.date,
      cents: Math.abs(found.cents),
      kind,
      ...details(kind),
    });
  }

  /** The file's rows, or a UserError with every problem found in it. */
  finish(): FileRows {
    if (this.problems.length > 0) throw new UserError(this.problems);
    return this.result;
  }

  private usedKind(
    row: CsvRow,
    { cents, type, rowType = classifyType(type) }: RowFound,
  ): UsedKind | undefined {
    const { skipped, otherTypes } = this.result;
    if (rowType === 'other') {
      if (cents !== 0) {
        this.problem(
          row,
          'unknown-row-type',
          `a row of type ${JSON.stringify(type)}, which jss does not know, carries ${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`,
          'jss does not guess what money is: if the row is not earnings or a refund, delete it from a copy of the CSV and import that; otherwise please report the type',
        );
        return undefined;
      }
      otherTypes.set(type, (otherTypes.get(type) ?? 0) + 1);
      skipped.other++;
      return undefined;
    }
    if (rowType !== 'hourly' && rowType !== 'fixed' && rowType !== 'bonus' && rowType !== 'refund') {
      skipped[rowType]++;
      return undefined;
    }
    if (cents === 0) {
      skipped.zero++;
      return undefined;
    }
    return cents < 0 ? 'refund' : rowType;
  }
}
