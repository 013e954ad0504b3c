import { addMonths, toDay, toIso } from '../core/dates.js';
import { isUserError, type Problem, UserError } from '../errors.js';
import { MAX_PROBLEMS, moreProblems } from '../io/path-problems.js';
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
  /** Rows dropped as payments another file already gave (see dropRowsSeenInAnotherFile). */
  duplicates: number;
}

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
  // The first MAX_PROBLEMS, then a count of the rest, as for a history file.
  if (problems.length > MAX_PROBLEMS) {
    problems.splice(MAX_PROBLEMS, problems.length, moreProblems(undefined, problems.length - MAX_PROBLEMS));
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
  const coverage = coverageWarning(earliest, latest);
  if (coverage !== undefined) warnings.push(coverage);
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

/**
 * The same payment in two files counts once (DESIGN §7): rows of different files are the same when
 * their date, kind, cents and contract id (else client and description) match, and a payment found
 * k₁ times in one file and k₂ in another counts max(k₁, k₂) times. Rows within one file are never
 * merged; transaction and weekly-summary files are never matched against each other.
 */
export function dropRowsSeenInAnotherFile(files: readonly FileRows[]): {
  rows: MoneyRow[];
  duplicates: number;
} {
  const kept = new Map<string, number>();
  const rows: MoneyRow[] = [];
  let duplicates = 0;
  for (const file of files) {
    const inFile = new Map<string, number>();
    for (const row of file.rows) {
      const who =
        row.contractId !== undefined ? `id\0${row.contractId}` : `client\0${row.client}\0${row.description}`;
      const key = `${file.layout.kind}\0${row.date}\0${row.kind}\0${row.cents}\0${who}`;
      const n = (inFile.get(key) ?? 0) + 1;
      inFile.set(key, n);
      if (n <= (kept.get(key) ?? 0)) {
        duplicates++;
        continue;
      }
      kept.set(key, n);
      rows.push(row);
    }
  }
  return { rows, duplicates };
}

/** The months the JSS looks back on (its longest window). */
const LOOK_BACK_MONTHS = 24;

/** Exports that start later than 24 months before their latest day miss contracts that count. */
export function coverageWarning(
  earliest: string | undefined,
  latest: string | undefined,
): string | undefined {
  if (earliest === undefined || latest === undefined) return undefined;
  const from = toIso(addMonths(toDay(latest), -LOOK_BACK_MONTHS));
  if (earliest <= from) return undefined;
  return `the exports cover ${earliest} to ${latest}, less than the ${LOOK_BACK_MONTHS} months the JSS looks back on: export your transactions from ${from} (or earlier) and import them too, or contracts that count may be missing`;
}

function otherTypeWarnings(files: FileRows[]): string[] {
  return files
    .filter((f) => f.otherTypes.size > 0)
    .map((f) => {
      const types = [...f.otherTypes].map(([type, n]) => `${JSON.stringify(type)} (${n})`).join(', ');
      return `${f.file}: rows of a type jss does not know were left out: ${types}`;
    });
}
