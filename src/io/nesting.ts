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
      const indented = blockIndentation(text, i, indents);
      if (indented.tooDeep) return indented.end;
      i = indented.end;
      if (i >= text.length) break;
    }
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
    } else if (c === '"' ? json || startsQuoted(text, i) : c === "'" && !json && startsQuoted(text, i)) {
      i = endOfQuoted(text, i, c);
    } else if (c === '#' && !json && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      flow++;
      if (flow + indents.length > MAX_NESTING + 1) return i;
    } else if (c === ']' || c === '}') {
      if (flow > 0) flow--;
    }
  }
  return undefined;
}

/**
 * The block levels a YAML line at `start` opens (its indentation, then each `- ` or `? ` entry
 * marker), kept in `indents`; where the line's content starts, or where it became too deep.
 */
function blockIndentation(text: string, start: number, indents: number[]): { end: number; tooDeep: boolean } {
  let j = start;
  while (text[j] === ' ') j++;
  const blank = j >= text.length || text[j] === '\n' || text[j] === '\r' || text[j] === '#';
  if (blank) return { end: j, tooDeep: false };
  const lineStart = lineStartOffset(text, start);
  for (;;) {
    const col = j - lineStart;
    while (indents.length > 0 && (indents.at(-1) ?? 0) >= col) indents.pop();
    indents.push(col);
    if (indents.length > MAX_NESTING + 1) return { end: j, tooDeep: true };
    if ((text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
      j += 1;
      while (text[j] === ' ') j++;
      continue;
    }
    return { end: j, tooDeep: false };
  }
}

/** In YAML, a quote opens a string only where a value may start (`it's` is plain text). */
function startsQuoted(text: string, i: number): boolean {
  return i === 0 || ' \t\n[{,:-?'.includes(text[i - 1]);
}

function lineStartOffset(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** The offset of the quote that closes the string opening at `start` (or the text's end). */
function endOfQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

/** The path of the first value nested deeper than MAX_NESTING levels (iterative: no recursion to overflow). */
export function pathTooDeep(data: unknown): PropertyKey[] | undefined {
  // First only depths (cheap on a large file), then, if something is too deep, its path.
  const depths: { value: unknown; depth: number }[] = [{ value: data, depth: 0 }];
  let deepest: object | undefined;
  for (let item = depths.pop(); item !== undefined && deepest === undefined; item = depths.pop()) {
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING) deepest = value;
    else
      for (const child of Array.isArray(value) ? value : Object.values(value))
        depths.push({ value: child, depth: depth + 1 });
  }
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

function children(value: unknown): [PropertyKey, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  return Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
}
