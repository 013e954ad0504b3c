/** One thing wrong with the user's input, located where we can. */
export interface Problem {
  file?: string;
  line?: number;
  col?: number;
  /** Data path like `contracts[3].end`. */
  path?: string;
  /** A stable name for the kind of problem (`unknown-key`, `payments-sum`, ...): part of the interface. */
  code: string;
  message: string;
  hint?: string;
}

/**
 * The user's mistake (bad usage, bad input, bad rules, a refusal to overwrite): printed as
 * located messages, never with a stack trace. Anything else that is thrown is a bug.
 */
export class UserError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;

  constructor(problems: Problem[], options?: { exitCode?: number });
  constructor(message: string, options: { exitCode?: number; hint?: string; code: string });
  constructor(
    problems: Problem[] | string,
    options: { exitCode?: number; hint?: string; code?: string } = {},
  ) {
    const list =
      typeof problems === 'string'
        ? [{ code: options.code ?? 'error', message: problems, hint: options.hint }]
        : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserError';
    this.problems = list;
    this.exitCode = options.exitCode ?? 2;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** `FILE:LINE:COL: PATH: message` then `hint: ...` on its own line. */
export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file !== undefined) {
    where = p.file;
    if (p.line !== undefined) where += `:${p.line}${p.col !== undefined ? `:${p.col}` : ''}`;
    where += ': ';
  }
  const path = p.path ? `${p.path}: ` : '';
  return `${where}${path}${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
}

/** `['contracts', 3, 'end']` → `contracts[3].end` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
