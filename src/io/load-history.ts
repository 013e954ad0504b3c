import type { History } from '../core/types.js';
import { UserError } from '../errors.js';
import { historyDateName, historyProblems } from './history-checks.js';
import { fastHistory } from './history-fast-path.js';
import { parseSource } from './parse-document.js';
import type { ParsedDocument } from './parsed-document.js';
import { locateProblems } from './path-problems.js';
import { readInput, type Source, type StdinLike } from './read-input.js';

export interface LoadedHistory {
  source: Source;
  document: ParsedDocument;
  history: History;
  /** The evaluation date E: `options.asOf`, else the history's date. */
  asOf: string;
  /** The history's date H: the file's `asOf`, else `options.today`; no fact in the file is later. */
  date: string;
}

export interface LoadHistoryOptions {
  stdin?: StdinLike;
  cwd?: string;
  /** `--as-of`: the evaluation date, when not the history's date. */
  asOf?: string;
  /** Today (UTC): the history's date when the file has no `asOf`. */
  today: string;
}

/**
 * Reads, parses and validates a contract history (`-` reads stdin). Every problem in the file is
 * reported in one UserError, located as FILE:LINE:COL.
 */
export async function loadHistory(path: string, options: LoadHistoryOptions): Promise<LoadedHistory> {
  const source = await readInput(path, {
    stdin: options.stdin,
    cwd: options.cwd,
    missingHint: 'name your history file, or run `jss init` to write a commented example to start from',
  });
  const document = parseSource(source);
  const { history, asOf, date } = await validateHistory(document, options);
  return { source, document, history, asOf, date };
}

/**
 * Validates a parsed history document: its shape, then every check across fields, against the
 * history's date H (its `asOf`, else today), whatever the evaluation date. A well-formed history
 * takes the fast path; zod (slow to load and to run) is used only to explain a bad one.
 */
export async function validateHistory(
  document: ParsedDocument,
  options: { asOf?: string; today: string },
): Promise<{ history: History; asOf: string; date: string }> {
  const { data } = document;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError([
      {
        file: document.source.name,
        ...(document.locate([]) ?? { line: 1, col: 1 }),
        code: 'not-a-history',
        message: `expected a mapping with a \`contracts\` list, got ${describeRoot(data)}`,
        hint: 'a history looks like `contracts: [ ... ]`; run `jss init` for a commented example',
      },
    ]);
  }
  const writtenIds = idsAsWritten(document);
  const history =
    fastHistory(data, writtenIds) ??
    (await import('./history-shape-problems.js')).parseHistoryShape(document, options, writtenIds);
  const date = history.asOf ?? options.today;
  const problems = historyProblems(history, date, historyDateName(history.asOf, date));
  if (problems.length > 0) throw new UserError(locateProblems(document, problems));
  return { history, asOf: options.asOf ?? date, date };
}

/** An id written as a number other than plainly in decimal (`0x10`, `+16`, `016`, `16.0`, `1.6e1`). */
const NUMBER_NOT_AS_WRITTEN = /\bid["']?\s*:\s*(?:\+|0[xo0-9]|\d*\.\d|\d+[eE])/;

/**
 * Ids are text as written: `id: 0x10` is the id "0x10", not 16 (which another contract may have).
 * The text in the file of each number id that is not written plainly in decimal, by contract
 * index; the file is only searched for them when it may hold one.
 */
function idsAsWritten(document: ParsedDocument): Map<number, string> | undefined {
  const { data } = document;
  if (typeof data !== 'object' || data === null || !('contracts' in data)) return undefined;
  const { contracts } = data;
  if (!Array.isArray(contracts)) return undefined;
  const numeric = contracts.flatMap((c: unknown, i) =>
    typeof c === 'object' && c !== null && 'id' in c && typeof c.id === 'number'
      ? [{ index: i, id: c.id }]
      : [],
  );
  // The text (27 MB for 100,000 contracts) is searched only when some id was read as a number.
  if (numeric.length === 0 || !NUMBER_NOT_AS_WRITTEN.test(document.source.text)) return undefined;
  const { text } = document.source;
  const positions = document.locateAll(numeric.map(({ index }) => ({ path: ['contracts', index, 'id'] })));
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const written = new Map<number, string>();
  numeric.forEach(({ index, id }, k) => {
    const at = positions[k];
    if (at === undefined) return;
    const offset = (lineStarts[at.line - 1] ?? 0) + at.col - 1;
    const asWritten = /^[^\s,\]}#]+/.exec(text.slice(offset, offset + 64))?.[0];
    if (asWritten !== undefined && asWritten !== String(id)) written.set(index, asWritten);
  });
  return written;
}

function describeRoot(data: unknown): string {
  if (data === null || data === undefined) return 'nothing (the document is empty)';
  if (Array.isArray(data)) return 'a list';
  return `${typeof data} ${JSON.stringify(data).slice(0, 40)}`;
}
