import type { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import type { Contract, History } from '../core/types.js';
import { UserError } from '../errors.js';
import { historyDateName, historyProblems } from './history-checks.js';
import { contractSchema, historySchema, observationSchema } from './history-schema.js';
import type { ParsedDocument } from './parsed-document.js';
import { locateProblems, type PathProblem } from './path-problems.js';
import { zodProblems } from './schema-problems.js';

/**
 * The slow path of loading: validates the history's shape with zod. Returns the history when the
 * shape is right (the fast path is stricter than it needs to be in a few corners), else throws
 * every problem, including the checks across fields of the contracts that are right on their own.
 */
export function parseHistoryShape(
  document: ParsedDocument,
  options: { asOf?: string; today: string },
  writtenIds?: ReadonlyMap<number, string>,
): History {
  const data = withWrittenIds(document.data, writtenIds);
  const result = historySchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const problems = [
    ...zodProblems(result.error.issues, historySchema),
    ...partialProblems(data, result.error.issues, options),
  ];
  throw new UserError(locateProblems(document, problems));
}

/** The parsed data with the ids of `writtenIds` as written (a copy: the document is not changed). */
function withWrittenIds(data: unknown, writtenIds: ReadonlyMap<number, string> | undefined): unknown {
  if (writtenIds === undefined || writtenIds.size === 0) return data;
  if (typeof data !== 'object' || data === null || !('contracts' in data) || !Array.isArray(data.contracts))
    return data;
  const contracts = data.contracts.map((c: unknown, i) => {
    const id = writtenIds.get(i);
    return id === undefined || typeof c !== 'object' || c === null ? c : { ...c, id };
  });
  return { ...data, contracts };
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
  options: { today: string },
): PathProblem[] {
  if (data === null || typeof data !== 'object' || !('contracts' in data) || !Array.isArray(data.contracts))
    return [];
  const badKeys = new Map<number, Set<string>>();
  const badObservations = new Set<number>();
  for (const issue of issues) {
    const [top, index, key] = issue.path;
    if (top === 'observed' && typeof index === 'number') badObservations.add(index);
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
  const dated = typeof fileAsOf === 'string' && isIsoDate(fileAsOf);
  const observed = 'observed' in data && Array.isArray(data.observed) ? data.observed : [];
  return historyProblems(
    {
      contracts,
      observed: observed.map((raw: unknown, index) =>
        badObservations.has(index) ? undefined : observationSchema.safeParse(raw).data,
      ),
    },
    dated ? fileAsOf : options.today,
    historyDateName(dated ? fileAsOf : undefined, dated ? fileAsOf : options.today),
  );
}

const WHOLE = '';
