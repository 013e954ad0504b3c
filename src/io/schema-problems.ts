import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ParsedDocument } from './parsed-document.js';
import { locateProblems, type PathProblem } from './path-problems.js';
import { suggestion } from './suggest.js';

/*
 * Problems of a document checked with a zod schema. This module loads zod: only the slow paths
 * (a history that is not plainly well-formed, rule files, changes files) import it.
 */

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
  if (!result.success) throw new UserError(locateProblems(doc, zodProblems(result.error.issues, schema)));
  const problems = more?.(result.data) ?? [];
  if (problems.length > 0) throw new UserError(locateProblems(doc, problems));
  return result.data;
}

/** Every zod issue as a problem at its data path, worded for the user (did-you-mean for keys and values). */
export function zodProblems(issues: readonly z.core.$ZodIssue[], schema: z.core.$ZodType): PathProblem[] {
  return issues.flatMap((issue) => issueProblems(issue, schema));
}

function issueProblems(issue: z.core.$ZodIssue, schema: z.core.$ZodType): PathProblem[] {
  const path = [...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => ({
        path,
        key,
        code: 'unknown-key',
        message: `unknown key "${key}"`,
        hint: known.length ? suggestion(key, known) : undefined,
      }));
    }
    case 'invalid_value':
      return [invalidValue(path, issue)];
    case 'invalid_type':
      return [invalidType(path, issue)];
    case 'invalid_union':
      return invalidUnion(path, issue, schema);
    default: {
      const params = 'params' in issue ? issue.params : undefined;
      return [
        {
          path,
          code: textOf(params?.code) ?? ISSUE_CODES[issue.code] ?? 'invalid-value',
          message: issue.message,
          hint: textOf(params?.hint),
        },
      ];
    }
  }
}

function invalidValue(path: PropertyKey[], issue: z.core.$ZodIssueInvalidValue): PathProblem {
  const values = issue.values.map(String);
  const expected = values.length === 1 ? values[0] : `one of ${values.join(' | ')}`;
  return {
    path,
    code: issue.input === undefined ? 'missing' : 'invalid-value',
    message:
      issue.input === undefined
        ? `missing (required: ${expected})`
        : `expected ${expected}, got ${JSON.stringify(issue.input)}`,
    hint: typeof issue.input === 'string' && values.length > 1 ? suggestion(issue.input, values) : undefined,
  };
}

function invalidType(path: PropertyKey[], issue: z.core.$ZodIssueInvalidType): PathProblem {
  if (!issue.message.startsWith('Invalid input')) {
    // the schema's own message
    return { path, code: issue.input === undefined ? 'missing' : 'wrong-type', message: issue.message };
  }
  if (issue.input === undefined) {
    return { path, code: 'missing', message: `missing (required ${describeExpected(issue.expected)})` };
  }
  return {
    path,
    code: 'wrong-type',
    message: `expected ${describeExpected(issue.expected)}, got ${describeInput(issue.input)}`,
  };
}

/**
 * The problems of the branch that got furthest (the one with a problem deepest in the data); else
 * the union's own message, when the schema gives one.
 */
function invalidUnion(
  path: PropertyKey[],
  issue: z.core.$ZodIssueInvalidUnion,
  schema: z.core.$ZodType,
): PathProblem[] {
  const branches = issue.errors.filter((b) => b.length > 0);
  const deep = branches.find((b) => b.some((i) => i.path.length > 0));
  if (deep) {
    return zodProblems(
      deep.map((i) => ({ ...i, path: [...path, ...i.path] })),
      schema,
    );
  }
  return [
    {
      path,
      code: 'invalid-value',
      message:
        issue.message === 'Invalid input' ? `invalid value ${describeInput(issue.input)}` : issue.message,
    },
  ];
}

/** Problem codes for zod's own checks (a refinement names its own code in `params.code`). */
const ISSUE_CODES: Partial<Record<string, string>> = {
  too_small: 'out-of-range',
  too_big: 'out-of-range',
  invalid_format: 'invalid-format',
  not_multiple_of: 'invalid-value',
  invalid_key: 'invalid-key',
};

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

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
export function knownKeys(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  const visit = (s: unknown, i: number, depth: number): void => {
    if (depth > 40) return;
    if (s instanceof z.ZodObject) {
      if (i === path.length) for (const k of Object.keys(s.shape)) keys.add(k);
      else visit(s.shape[String(path[i])], i + 1, depth + 1);
    } else if (s instanceof z.ZodArray) {
      if (i < path.length) visit(s.element, i + 1, depth + 1);
    } else if (s instanceof z.ZodRecord) {
      if (i < path.length) visit(s.valueType, i + 1, depth + 1);
    } else if (s instanceof z.ZodUnion) {
      for (const option of s.options) visit(option, i, depth + 1);
    } else if (s instanceof z.ZodPipe) {
      visit(s.in, i, depth + 1);
    } else if (s instanceof z.ZodLazy) {
      visit(s.unwrap(), i, depth + 1);
    } else if (s instanceof z.core.$ZodType && 'innerType' in s._zod.def) {
      visit(s._zod.def.innerType, i, depth + 1);
    }
  };
  visit(schema, 0, 0);
  return [...keys];
}
