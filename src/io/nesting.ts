import { formatPath, UserError } from '../errors.js';
import type { Position } from './position.js';
import type { Source } from './read-input.js';

/** Levels of nesting a document may have (a history needs five; a rule set six). */
export const MAX_NESTING = 64;

export function tooDeep(source: Source, at: Position | undefined, path?: PropertyKey[]): UserError {
  return new UserError([
    {
      file: source.name,
      ...at,
      path: path ? formatPath(path) : undefined,
      code: 'too-deep',
      message: `nested too deeply (more than ${MAX_NESTING} levels)`,
      hint: 'a contract history or rule set is only a few levels deep; is this the right file?',
    },
  ]);
}

/**
 * Where the text first nests deeper than MAX_NESTING, found without parsing it: brackets outside
 * strings (JSON and YAML flow style) plus, in YAML, block indentation and `- ` entries. It may
 * count a little low (a list at its key's indentation), never so low that a parser runs out of stack.
 */
export function nestingTooDeep(text: string, json: boolean): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    if (!json && lineStart && flow === 0) {
      lineStart = false;
      i = blockIndentation(text, i, indents);
      if (indents.length > MAX_NESTING + 1) return i;
      if (i >= text.length) break;
    }
    const c = text.charCodeAt(i);
    if (c >= 128 || NOT_SPECIAL[c] === 1) continue;
    if (c === NEWLINE) {
      lineStart = true;
    } else if (
      c === DOUBLE_QUOTE
        ? json || startsQuoted(text, i)
        : c === SINGLE_QUOTE && !json && startsQuoted(text, i)
    ) {
      i = endOfQuoted(text, i, c);
    } else if (c === HASH && !json && (i === 0 || isSpace(text, i - 1))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length - 1 : end - 1;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      flow++;
      if (flow + indents.length > MAX_NESTING + 1) return i;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (flow > 0) flow--;
    }
  }
  return undefined;
}

const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const SINGLE_QUOTE = 39;
const DASH = 45;
const QUESTION = 63;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** 1 for the ASCII characters the scan passes over: all but line ends, quotes, `#` and brackets. */
const NOT_SPECIAL = new Uint8Array(128).fill(1);
for (const c of [
  NEWLINE,
  DOUBLE_QUOTE,
  SINGLE_QUOTE,
  HASH,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  OPEN_BRACE,
  CLOSE_BRACE,
])
  NOT_SPECIAL[c] = 0;

/** `/\s/` for the character at `i`, without a string for it when it is ASCII. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === SPACE || (c >= 9 && c <= 13);
  return /\s/.test(text[i]);
}

/**
 * The block levels a YAML line at `start` opens (its indentation, then each `- ` or `? ` entry
 * marker), kept in `indents`; returns where the line's content starts, or where it became too
 * deep (then `indents` holds more than MAX_NESTING + 1 levels).
 */
function blockIndentation(text: string, start: number, indents: number[]): number {
  let j = start;
  while (text.charCodeAt(j) === SPACE) j++;
  const first = text.charCodeAt(j);
  if (j >= text.length || first === NEWLINE || first === RETURN || first === HASH) return j;
  for (;;) {
    const col = j - start;
    while (indents.length > 0 && indents[indents.length - 1] >= col) indents.pop();
    indents.push(col);
    if (indents.length > MAX_NESTING + 1) return j;
    const c = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    if ((c === DASH || c === QUESTION) && (next === SPACE || next === NEWLINE)) {
      j += 1;
      while (text.charCodeAt(j) === SPACE) j++;
      continue;
    }
    return j;
  }
}

/** In YAML, a quote opens a string only where a value may start (`it's` is plain text). */
function startsQuoted(text: string, i: number): boolean {
  return i === 0 || ' \t\n[{,:-?'.includes(text[i - 1]);
}

/** The offset of the quote that closes the string opening at `start` (or the text's end). */
function endOfQuoted(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === DOUBLE_QUOTE && c === BACKSLASH) i++;
    else if (c === quote) {
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) i++;
      else return i;
    }
  }
  return text.length;
}

/** The path of the first value nested deeper than MAX_NESTING levels (iterative: no recursion to overflow). */
export function pathTooDeep(data: unknown): PropertyKey[] | undefined {
  // First only whether anything is that deep (cheap on a large file), then, if so, its path.
  const deepest = tooDeepValue(data, 0);
  if (deepest === undefined) return undefined;
  const paths: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  for (let item = paths.pop(); item !== undefined; item = paths.pop()) {
    const { value, path } = item;
    if (value === deepest) return path;
    if (path.length < MAX_NESTING)
      for (const [key, child] of children(value)) paths.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

/** The first object or list found MAX_NESTING levels deep (the recursion stops there). */
function tooDeepValue(value: unknown, depth: number): object | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_NESTING) return value;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (typeof child !== 'object' || child === null) continue;
    const deep = tooDeepValue(child, depth + 1);
    if (deep !== undefined) return deep;
  }
  return undefined;
}

function children(value: unknown): [PropertyKey, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}
