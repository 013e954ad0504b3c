import { isUserError, type Problem, UserError } from '../errors.js';
import { readInput, type StdinLike } from '../io/read-input.js';
import { detectLayout } from './detect-layout.js';
import { type Grouped, groupContracts } from './group-contracts.js';
import { readCsv } from './read-csv.js';
import { readTransactions } from './read-transactions.js';
import { readWeeklySummary } from './read-weekly-summary.js';
import type { FileRows, MoneyRow } from './rows.js';

/** Everything the CSV files gave, grouped into contracts. */
export interface Imported extends Grouped {
  files: FileRows[];
  /** The rows that count, from every file (a row found in two files once). */
  rows: MoneyRow[];
  /** The export's earliest and latest dates (of any row, used or not). */
  earliest?: string;
  latest?: string;
  /** Rows found in more than one file (same row id, day and amount), counted once. */
  duplicates: number;
}

/** Most problems shown from one run; the rest are counted. */
const MAX_PROBLEMS = 20;

/**
 * Reads every CSV (`-` reads stdin) and groups their rows into contracts. Problems in all files
 * are reported together, each at its file and line; nothing is returned when there is one.
 */
export async function importFiles(
  paths: readonly string[],
  options: { cwd?: string; stdin?: StdinLike },
): Promise<Imported> {
  const files: FileRows[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    try {
      files.push(await readExport(path, options));
    } catch (error) {
      if (!isUserError(error)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, {
      code: 'too-many-problems',
      message: `... and ${more} more problem(s) like these`,
    });
  }
  if (problems.length > 0) throw new UserError(problems);

  const { rows, duplicates } = dropRowsSeenInAnotherFile(files);
  const dates = files
    .flatMap((f) => [f.earliest, f.latest])
    .filter((d) => d !== undefined)
    .sort();
  const earliest = dates[0];
  const latest = dates.at(-1);
  const grouped = latest === undefined ? { contracts: [], warnings: [] } : groupContracts(rows, latest);
  const warnings = [...files.flatMap((f) => f.warnings), ...otherTypeWarnings(files), ...grouped.warnings];
  const kinds = new Set(files.map((f) => f.layout.kind));
  if (kinds.size > 1) {
    warnings.unshift(
      'both a transaction history and a weekly summary were given: they describe the same payments in two ways, so payments may be counted twice (import one kind only)',
    );
  }
  return { files, rows, contracts: grouped.contracts, warnings, earliest, latest, duplicates };
}

async function readExport(path: string, options: { cwd?: string; stdin?: StdinLike }): Promise<FileRows> {
  const source = await readInput(path, { ...options, format: 'CSV' });
  const layout = detectLayout(source);
  const { header, rows } = readCsv(source);
  return layout.kind === 'transactions'
    ? readTransactions(source, layout, header, rows)
    : readWeeklySummary(source, layout, header, rows);
}

/** Overlapping exports repeat rows: a row with the same id, day and amount as one in an earlier file is dropped. */
function dropRowsSeenInAnotherFile(files: FileRows[]): { rows: MoneyRow[]; duplicates: number } {
  const seen = new Map<string, number>();
  const rows: MoneyRow[] = [];
  let duplicates = 0;
  for (const [fileIndex, file] of files.entries()) {
    for (const row of file.rows) {
      const key =
        row.rowId === undefined ? undefined : `${row.rowId}\0${row.date}\0${row.cents}\0${row.kind}`;
      const firstFile = key === undefined ? undefined : seen.get(key);
      if (firstFile !== undefined && firstFile !== fileIndex) {
        duplicates++;
        continue;
      }
      if (key !== undefined) seen.set(key, fileIndex);
      rows.push(row);
    }
  }
  return { rows, duplicates };
}

function otherTypeWarnings(files: FileRows[]): string[] {
  return files
    .filter((f) => f.otherTypes.size > 0)
    .map((f) => {
      const types = [...f.otherTypes].map(([type, n]) => `${JSON.stringify(type)} (${n})`).join(', ');
      return `${f.file}: rows of a type jss does not know were left out: ${types}`;
    });
}
