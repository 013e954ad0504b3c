import type { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import type { Contract, History } from '../core/types.js';
import { UserError } from '../errors.js';
import { fastHistory } from './history-fast-path.js';
import { contractSchema, historyProblems, historySchema } from './history-schema.js';
import { type ParsedDocument, parseSource } from './parse-document.js';
import { readInput, type Source, type StdinLike } from './read-input.js';
import { locateProblems, type PathProblem, zodProblems } from './validate.js';

export interface LoadedHistory {
  source: Source;
  document: ParsedDocument;
  history: History;
  /** The evaluation date: `options.asOf`, else the file's `asOf`, else `options.today`. */
  asOf: string;
}

export interface LoadHistoryOptions {
  stdin?: StdinLike;
  cwd?: string;
  /** `--as-of`: wins over the file's `asOf`. */
  asOf?: string;
  /** Today (UTC), the evaluation date when neither `asOf` is given. */
  today: string;
}

/**
 * Reads, parses and validates a contract history (`-` reads stdin). Every problem in the file is
 * reported in one UserError, located as FILE:LINE:COL.
 */
export async function loadHistory(path: string, options: LoadHistoryOptions): Promise<LoadedHistory> {
  const source = await readInput(path, { stdin: options.stdin, cwd: options.cwd });
  const document = parseSource(source);
  const { history, asOf } = validateHistory(document, options);
  return { source, document, history, asOf };
}

/** Validates a parsed history document: its shape, then every check across fields. */
export function validateHistory(
  document: ParsedDocument,
  options: { asOf?: string; today: string },
): { history: History; asOf: string } {
  const { data } = document;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError([
      {
        file: document.source.name,
        ...(document.locate([]) ?? { line: 1, col: 1 }),
        message: `expected a mapping with a \`contracts\` list, got ${describeRoot(data)}`,
        hint: 'a history looks like `contracts: [ ... ]`; run `jss init` for a commented example',
      },
    ]);
  }
  const result = fastResult(data) ?? historySchema.safeParse(data, { reportInput: true });
  if (result.success) {
    const asOf = options.asOf ?? result.data.asOf ?? options.today;
    const problems = historyProblems(result.data, asOf);
    if (problems.length > 0) throw new UserError(locateProblems(document, problems));
    return { history: result.data, asOf };
  }
  const problems = [
    ...zodProblems(result.error.issues, historySchema),
    ...partialProblems(data, result.error.issues, options),
  ];
  throw new UserError(locateProblems(document, problems));
}

function describeRoot(data: unknown): string {
  if (data === null || data === undefined) return 'nothing (the document is empty)';
  if (Array.isArray(data)) return 'a list';
  return `${typeof data} ${JSON.stringify(data).slice(0, 40)}`;
}

function fastResult(data: unknown): { success: true; data: History } | undefined {
  const history = fastHistory(data);
  return history === undefined ? undefined : { success: true, data: history };
}

/**
 * When the file's shape is wrong somewhere, the contracts that are right on their own still get
 * the checks across fields, so one run reports every problem. A contract whose only faults are in
 * keys no other check reads is checked without those keys; one with a bad `end` or `earnings`
 * (which other checks read) or a missing required key is left for the next run.
 */
function partialProblems(
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
  options: { asOf?: string; today: string },
): PathProblem[] {
  if (data === null || typeof data !== 'object' || !('contracts' in data) || !Array.isArray(data.contracts))
    return [];
  const badKeys = new Map<number, Set<string>>();
  for (const issue of issues) {
    const [top, index, key] = issue.path;
    if (top !== 'contracts' || typeof index !== 'number') continue;
    const keys = badKeys.get(index) ?? new Set<string>();
    badKeys.set(index, keys);
    if (typeof key === 'string') keys.add(key);
    else if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) keys.add(k);
    } else keys.add(WHOLE);
  }
  const contracts = data.contracts.map((raw: unknown, index): Contract | undefined => {
    const keys = badKeys.get(index);
    if (keys === undefined) return contractSchema.safeParse(raw).data;
    if (
      keys.has(WHOLE) ||
      keys.has('end') ||
      keys.has('earnings') ||
      raw === null ||
      typeof raw !== 'object'
    ) {
      return undefined;
    }
    const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => !keys.has(k)));
    return contractSchema.safeParse(rest).data;
  });
  const fileAsOf = 'asOf' in data ? data.asOf : undefined;
  const asOf =
    options.asOf ?? (typeof fileAsOf === 'string' && isIsoDate(fileAsOf) ? fileAsOf : options.today);
  return historyProblems({ contracts }, asOf);
}

const WHOLE = '';
