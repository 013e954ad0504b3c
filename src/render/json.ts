import type { Problem } from '../errors.js';

export const SCHEMA_VERSION = 1;

/** One JSON document: `{ schemaVersion, command, ...body }`, pretty-printed, newline-terminated. */
export function renderJson(command: string, body: object): string {
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, command, ...body }, null, 2)}\n`;
}

/** A problem as the `--json` error document shows it: every field present, null where it does not apply. */
export interface JsonProblem {
  file: string | null;
  line: number | null;
  column: number | null;
  path: string | null;
  code: string;
  message: string;
  hint: string | null;
}

/**
 * The document `--json` prints on exit 2: `{ schemaVersion, command, error: { problems } }`. Strings
 * are kept exactly as they are (JSON escapes what a terminal must not see).
 */
export function renderErrorJson(command: string, problems: readonly Problem[]): string {
  const list: JsonProblem[] = problems.map((p) => ({
    file: p.file ?? null,
    line: p.line ?? null,
    column: p.col ?? null,
    path: p.path ?? null,
    code: p.code,
    message: p.message,
    hint: p.hint ?? null,
  }));
  return renderJson(command, { error: { problems: list } });
}
