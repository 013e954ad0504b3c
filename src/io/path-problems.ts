import { formatNumber } from '../core/format-number.js';
import { formatPath, type Problem } from '../errors.js';
import type { ParsedDocument } from './parsed-document.js';

/** A problem known by its data path; `key` locates an object key rather than its value. */
export interface PathProblem {
  path: PropertyKey[];
  key?: string;
  /** A stable name for the kind of problem (see `Problem.code`). */
  code: string;
  message: string;
  hint?: string;
}

/** Most problems reported from one file; the rest are counted in a last line. */
export const MAX_PROBLEMS = 50;

/**
 * Attaches file, line and column to path problems, in file order. Only the first MAX_PROBLEMS (in
 * the data's order) are located and shown, then one line with the count of the rest.
 */
export function locateProblems(doc: ParsedDocument, problems: PathProblem[]): Problem[] {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const positions = doc.locateAll(shown);
  const located = shown
    .map((p, i) => ({
      file: doc.source.name,
      ...positions[i],
      path: formatPath(p.key !== undefined ? [...p.path, p.key] : p.path) || undefined,
      code: p.code,
      message: p.message,
      hint: p.hint,
    }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  return problems.length > MAX_PROBLEMS
    ? [...located, moreProblems(doc.source.name, problems.length - MAX_PROBLEMS)]
    : located;
}

/** The line that stands for the problems not shown. */
export function moreProblems(file: string | undefined, count: number): Problem {
  return {
    file,
    code: 'too-many-problems',
    message: `... and ${formatNumber(count)} more problem${count === 1 ? '' : 's'} not shown`,
    hint: 'correct these first, then check again',
  };
}
