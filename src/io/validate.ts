import type { z } from 'zod';
import { formatNumber } from '../core/format-number.js';
import { formatPath, type Problem, UserError } from '../errors.js';
import type { ParsedDocument } from './parse-document.js';
import { suggestion } from './suggest.js';

/** A problem known by its data path; `key` locates an object key rather than its value. */
export interface PathProblem {
  path: PropertyKey[];
  key?: string;
  /** A stable name for the kind of problem (see `Problem.code`). */
  code: string;
  message: string;
  hint?: string;
}

/**
 * Validates `doc.data` against `schema`, then (when the shape is right) runs `more` for checks
 * across fields. Every problem is reported at once, located in the file; throws a UserError.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  doc: ParsedDocument,
  more?: (value: z.output<S>) => PathProblem[],
): z.output<S> {
  const result = schema.safeParse(doc.data, { reportInput: true });
  const problems = result.success ? (more?.(result.data) ?? []) : zodProblems(result.error.issues, schema);
  if (problems.length > 0) throw new UserError(locateProblems(doc, problems));
  return result.data as z.output<S>;
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

export function zodProblems(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): PathProblem[] {
  const out: PathProblem[] = [];
  for (const issue of issues) {
    const path = [...issue.path];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(schema, path);
        for (const key of issue.keys) {
          out.push({
            path,
            key,
            code: 'unknown-key',
            message: `unknown key "${key}"`,
            hint: known.length ? suggestion(key, known) : undefined,
          });
        }
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        const expected = values.length === 1 ? values[0] : `one of ${values.join(' | ')}`;
        out.push({
          path,
          code: issue.input === undefined ? 'missing' : 'invalid-value',
          message:
            issue.input === undefined
              ? `missing (required: ${expected})`
              : `expected ${expected}, got ${JSON.stringify(issue.input)}`,
          hint:
            typeof issue.input === 'string' && values.length > 1
              ? suggestion(issue.input, values)
              : undefined,
        });
        break;
      }
      case 'invalid_type': {
        if (!issue.message.startsWith('Invalid input')) {
          out.push({
            path,
            code: issue.input === undefined ? 'missing' : 'wrong-type',
            message: issue.message,
          }); // the schema's own message
        } else if (issue.input === undefined) {
          out.push({
            path,
            code: 'missing',
            message: `missing (required ${describeExpected(issue.expected)})`,
          });
        } else {
          out.push({
            path,
            code: 'wrong-type',
            message: `expected ${describeExpected(issue.expected)}, got ${describeInput(issue.input)}`,
          });
        }
        break;
      }
      case 'invalid_union': {
        // Prefer the branch that got furthest (the one with a problem deepest in the data); else
        // the union's own message, when the schema gives one.
        const branches = issue.errors.filter((b) => b.length > 0);
        const deep = branches.find((b) => b.some((i) => i.path.length > 0));
        if (deep) {
          out.push(
            ...zodProblems(
              deep.map((i) => ({ ...i, path: [...path, ...i.path] })),
              schema,
            ),
          );
        } else {
          out.push({
            path,
            code: 'invalid-value',
            message:
              issue.message === 'Invalid input'
                ? `invalid value ${describeInput(issue.input)}`
                : issue.message,
          });
        }
        break;
      }
      default: {
        const params = (issue as { params?: { hint?: string; code?: string } }).params;
        out.push({
          path,
          code: params?.code ?? ISSUE_CODES[issue.code] ?? 'invalid-value',
          message: issue.message,
          hint: params?.hint,
        });
      }
    }
  }
  return out;
}

/** Problem codes for zod's own checks (a refinement names its own code in `params.code`). */
const ISSUE_CODES: Partial<Record<string, string>> = {
  too_small: 'out-of-range',
  too_big: 'out-of-range',
  invalid_format: 'invalid-format',
  not_multiple_of: 'invalid-value',
  invalid_key: 'invalid-key',
};

function describeExpected(expected: string): string {
  if (expected === 'object') return 'a mapping of keys';
  if (expected === 'array') return 'a list';
  if (expected === 'int') return 'a whole number';
  return expected;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return `"${input.length > 40 ? `${input.slice(0, 40)}…` : input}"`;
  return `${typeof input} ${String(input)}`;
}

/** The keys an object schema allows at `path` (through arrays, optionals, defaults and unions). */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  const visit = (s: z.core.$ZodType | undefined, i: number, depth: number): void => {
    if (!s || depth > 40) return;
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'object': {
        const shape = def.shape as Record<string, z.core.$ZodType>;
        if (i === path.length) {
          for (const k of Object.keys(shape)) keys.add(k);
        } else visit(shape[String(path[i])], i + 1, depth + 1);
        return;
      }
      case 'array':
        if (i < path.length) visit(def.element as z.core.$ZodType, i + 1, depth + 1);
        return;
      case 'record':
        if (i < path.length) visit(def.valueType as z.core.$ZodType, i + 1, depth + 1);
        return;
      case 'union':
        for (const option of def.options as z.core.$ZodType[]) visit(option, i, depth + 1);
        return;
      case 'pipe':
        visit(def.in as z.core.$ZodType, i, depth + 1);
        return;
      case 'lazy':
        visit((def.getter as () => z.core.$ZodType)(), i, depth + 1);
        return;
      default:
        if ('innerType' in def) visit(def.innerType as z.core.$ZodType, i, depth + 1);
    }
  };
  visit(schema as unknown as z.core.$ZodType, 0, 0);
  return [...keys];
}
