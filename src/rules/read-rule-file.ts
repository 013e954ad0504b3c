import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import type { RuleSet } from '../core/types.js';
import { formatPath, isUserError, type Problem, UserError } from '../errors.js';
import { parseSource } from '../io/parse-document.js';
import type { ParsedDocument } from '../io/parsed-document.js';
import { locateProblems, type PathProblem } from '../io/path-problems.js';
import { readInput, type Source } from '../io/read-input.js';
import { zodProblems } from '../io/schema-problems.js';
import { closest } from '../io/suggest.js';
import { packageRoot } from '../package-root.js';
import { MergedRules } from './merge.js';
import { BUILTIN, DEFAULT_RULE_SET, isRulePath } from './rule-set-names.js';
import { type RuleFile, resolvedRuleSetSchema, ruleFileSchema } from './schema.js';

export interface LoadedRuleSet {
  ruleSet: RuleSet;
  /** `builtin`, or the path as the user gave it. */
  source: 'builtin' | string;
}

/** Reads a built-in rule set's YAML or a user's rule file, validates it and resolves `extends`. */
export async function readRuleSet(spec: string, options: { cwd: string }): Promise<LoadedRuleSet> {
  const file = isRulePath(spec) ? { name: spec, full: resolve(options.cwd, spec) } : builtinFile(spec);
  const merged = new MergedRules();
  const top = await addFile(merged, file, [], options.cwd);
  return { ruleSet: resolveRules(merged, top), source: isRulePath(spec) ? spec : 'builtin' };
}

interface RuleFileRef {
  /** As shown in messages: the user's path, a path relative to it, or a built-in's absolute path. */
  name: string;
  full: string;
}

interface Layer {
  doc: ParsedDocument;
  extended: boolean;
}

export function builtinFile(name: string, at?: Omit<Problem, 'message' | 'code'>): RuleFileRef {
  if (BUILTIN.includes(name)) {
    const full = join(packageRoot, 'rules', `${name}.yaml`);
    return { name: full, full };
  }
  const near = closest(name, BUILTIN);
  throw new UserError([
    {
      ...at,
      code: 'unknown-rule-set',
      message: `no built-in rule set is named "${name}"`,
      hint: `${near ? `did you mean "${near}"? ` : ''}built-in: ${BUILTIN.join(', ')} (a file needs a "/" or a .yaml, .yml or .json ending)`,
    },
  ]);
}

/** Reads, checks and merges `file` after everything it extends; returns the top layer. */
async function addFile(
  merged: MergedRules,
  file: RuleFileRef,
  chain: RuleFileRef[],
  cwd: string,
): Promise<Layer> {
  const doc = parseRuleFile(await readInput(file.name, { cwd }));
  const data = checkFile(doc);
  const names = [...chain, file].map((f) => f.name);
  const target = data.extends;
  if (target !== undefined) {
    const at = { file: doc.source.name, ...doc.locate(['extends']), path: 'extends' };
    const parent = isRulePath(target) ? extendedPath(file, target) : builtinFile(target, at);
    const loop = [...chain, file].findIndex((f) => f.full === parent.full);
    if (loop !== -1) {
      const circle = [...names.slice(loop), parent.name].join(' → ');
      throw new UserError([
        { ...at, code: 'extends-loop', message: `extends goes round in a circle: ${circle}` },
      ]);
    }
    await addFile(merged, parent, [...chain, file], cwd).catch((error: unknown) => {
      throw unreadable(error, at, target);
    });
  }
  const name = data.name ?? basename(file.name, extname(file.name));
  merged.addLayer(doc, { ...data, name });
  return { doc, extended: target !== undefined };
}

/** Parses like any input, with a hint for rule files when the file is empty. */
function parseRuleFile(source: Source): ParsedDocument {
  if (source.text.trim() === '') {
    throw new UserError([
      {
        file: source.name,
        line: 1,
        col: 1,
        code: 'empty-file',
        message: 'the file is empty',
        hint: `a rule file needs at least a line like "extends: ${DEFAULT_RULE_SET}"`,
      },
    ]);
  }
  return parseSource(source);
}

function extendedPath(child: RuleFileRef, path: string): RuleFileRef {
  if (isAbsolute(path)) return { name: path, full: path };
  return { name: join(dirname(child.name), path), full: resolve(dirname(child.full), path) };
}

/** A file that cannot be read is reported where `extends` names it. */
function unreadable(error: unknown, at: Omit<Problem, 'message' | 'code'>, target: string): unknown {
  if (!isUserError(error) || error.problems.length !== 1 || error.problems[0].line !== undefined)
    return error;
  const [problem] = error.problems;
  const message = `cannot read "${target}": ${problem.file ? `${problem.file}: ` : ''}${problem.message}`;
  return new UserError([{ ...at, code: problem.code, message, hint: problem.hint }]);
}

/** Types and ranges of one file on its own (keys may be left to what it extends). */
function checkFile(doc: ParsedDocument): RuleFile {
  const result = ruleFileSchema.safeParse(doc.data, { reportInput: true });
  if (result.success) return result.data;
  throw new UserError(
    locateProblems(doc, zodProblems(preferFittingBranch(result.error.issues), ruleFileSchema)),
  );
}

/** The merged rule set: every key present, then the checks across fields, located in their files. */
function resolveRules(merged: MergedRules, top: Layer): RuleSet {
  const result = resolvedRuleSetSchema.safeParse(merged.data, { reportInput: true });
  if (result.success) return result.data;
  const problems = missingTogether(
    zodProblems(preferFittingBranch(result.error.issues), resolvedRuleSetSchema),
    top.extended,
  );
  const topFile = top.doc.source.name;
  const located = problems.map((p): Problem => {
    const at = merged.locate(p.path, p.key);
    const inherited = at.file !== topFile && p.hint === undefined;
    return {
      ...at,
      path: formatPath(p.key !== undefined ? [...p.path, p.key] : p.path) || undefined,
      code: p.code,
      message: p.message,
      hint: inherited ? `inherited by ${topFile} through extends; set it there to override` : p.hint,
    };
  });
  throw new UserError(located.sort(inFileOrder));
}

/** Top-level keys nobody set, as one problem: a file that extends nothing must set them all. */
function missingTogether(problems: PathProblem[], extended: boolean): PathProblem[] {
  const isMissing = (p: PathProblem) => p.path.length === 1 && p.message.startsWith('missing');
  const keys = problems.filter(isMissing).map((p) => String(p.path[0]));
  if (keys.length === 0) return problems;
  const hint = extended
    ? undefined
    : `set them, or start the file with "extends: ${DEFAULT_RULE_SET}" to inherit the rest`;
  return [
    { path: [], code: 'missing', message: `missing ${keys.join(', ')}`, hint },
    ...problems.filter((p) => !isMissing(p)),
  ];
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function inFileOrder(a: Problem, b: Problem): number {
  return (
    compareCodeUnits(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.col ?? 0) - (b.col ?? 0)
  );
}

/**
 * Where a union failed, keep the branch of the right kind (a misspelt reason code is reported
 * against the list of codes, with did-you-mean, not as "invalid value").
 */
function preferFittingBranch(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.message !== 'Invalid input') return [issue];
    const fitting = issue.errors.filter(
      (branch) => !branch.some((i) => i.path.length === 0 && i.code === 'invalid_type'),
    );
    if (fitting.length !== 1) return [issue];
    return preferFittingBranch(fitting[0]).map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
  });
}
