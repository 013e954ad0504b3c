import type { Problem } from '../errors.js';

export const SCHEMA_VERSION = 1;

/** One JSON document: `{ schemaVersion, command, ...body }`, pretty-printed, newline-terminated. */
export function renderJson(command: string, body: object): string {
  return [...renderJsonPieces(command, body)].join('');
}

/**
 * Lists longer than this are stringified a slice at a time, and pieces are joined up to about
 * BATCH characters: both small enough that V8 makes the strings in its young generation, where
 * they are freed as soon as they are written (a string over 128 kB lives until a full collection).
 */
const SLICE = 200;
const BATCH = 1 << 15;
/** How deep long lists are looked for: the document, `reports`, a report, its `contracts`. */
const SPLIT_DEPTH = 4;

/**
 * `renderJson`'s text in pieces of about BATCH characters, for a large document: a long list (the
 * 100,000 contracts of a big history) is stringified a slice at a time, so that the whole text
 * (and its encoding) never exists at once. Joined, the pieces are exactly `renderJson`'s text:
 * `JSON.stringify(document, null, 2)` and a newline (test/render/json.test.ts compares the two
 * on generated values).
 */
export function* renderJsonPieces(command: string, body: object, slice = SLICE): Generator<string> {
  const document = { schemaVersion: SCHEMA_VERSION, command, ...body };
  let batch: string[] = [];
  let size = 0;
  for (const piece of jsonPieces(document, '', slice, SPLIT_DEPTH)) {
    batch.push(piece);
    size += piece.length;
    if (size >= BATCH) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  batch.push('\n');
  yield batch.join('');
}

/**
 * `JSON.stringify(value, null, 2)` as it reads nested `indent` deep (every line after the first
 * indented by `indent`), in pieces. Only plain objects and lists are taken apart, and only where
 * a list longer than `slice` lies within `depth` levels; anything else is one JSON.stringify.
 * Nothing for a value JSON leaves out (undefined, a function): the caller skips its key. (Items
 * of a long list are stringified in slices: a `toJSON` would see its index in the slice; the
 * documents jss writes have none.)
 */
function* jsonPieces(value: unknown, indent: string, slice: number, depth: number): Generator<string> {
  if (!hasLongList(value, slice, depth)) {
    const text: string | undefined = JSON.stringify(value, null, 2);
    if (text !== undefined) yield nested(text, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += slice) {
      yield `${i === 0 ? '[\n' : ',\n'}${itemLines(value.slice(i, i + slice), indent.length / 2)}`;
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, child] of Object.entries(value)) {
    let opened = false;
    for (const piece of jsonPieces(child, inner, slice, depth - 1)) {
      if (!opened) {
        yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
        opened = true;
        first = false;
      }
      yield piece;
    }
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** Whether `value` is a plain object or a list holding a list longer than `slice`, within `depth` levels. */
function hasLongList(value: unknown, slice: number, depth: number): value is object {
  if (depth <= 0 || typeof value !== 'object' || value === null || 'toJSON' in value) return false;
  if (Array.isArray(value)) {
    return value.length > slice || value.some((child) => hasLongList(child, slice, depth - 1));
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).some((child) => hasLongList(child, slice, depth - 1));
}

/**
 * The lines of a list's items, as they read in a list `levels` levels deep. The list is wrapped in
 * `levels` more lists and stringified, so that JSON.stringify indents the items itself: the text
 * of `[[a, b]]` is "[\n  [\n    a,\n    b\n  ]\n]", whose lines but the first and last two are wanted.
 */
function itemLines(items: unknown[], levels: number): string {
  let wrapped: unknown = items;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let from = 0;
  for (let i = 0; i <= levels; i++) from = text.indexOf('\n', from) + 1;
  let to = text.length;
  for (let i = 0; i <= levels; i++) to = text.lastIndexOf('\n', to - 1);
  return text.slice(from, to);
}

/** A value's JSON text, every line after the first indented by `indent` (the value is small). */
function nested(text: string, indent: string): string {
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
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
