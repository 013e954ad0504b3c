import { type Problem, UserError } from '../errors.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { locatedByListening } from './locate-by-listening.js';
import { MAX_NESTING, nestingTooDeep, pathTooDeep, tooDeep } from './nesting.js';
import { parseYamlFully } from './parse-yaml-fully.js';
import type { ParsedDocument } from './parsed-document.js';
import { positionOfOffset } from './position.js';
import type { Source } from './read-input.js';

/**
 * Strict JSON, refusing duplicate keys (which JSON.parse would let the last of win) and nesting
 * deeper than MAX_NESTING. The text is scanned for its nesting only when that is in question
 * (the data is deep, or the text does not parse), so that a well-formed file costs one walk.
 */
export function parseJson(source: Source): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch (error) {
    throwIfTooDeep(source);
    throw new UserError([jsonSyntaxProblem(source, error instanceof Error ? error.message : String(error))]);
  }
  const doc: ParsedDocument = { source, data, ...locatedByListening(source) };
  let parsedKeys = countKeys(data, 0, MAX_NESTING);
  const deep = parsedKeys === TOO_DEEP;
  if (deep) {
    throwIfTooDeep(source);
    parsedKeys = countKeys(data, 0, Number.POSITIVE_INFINITY); // the text's brackets are few enough to recurse
  }
  // JSON.parse keeps the last of duplicate keys silently. Every string token is matched in order,
  // so keys are the ones followed by a colon; fewer keys parsed than written means a duplicate.
  if (parsedKeys !== countWrittenKeys(source.text)) {
    parseYamlFully(source); // reports the duplicate key at its line and column
  }
  const deepPath = deep ? pathTooDeep(data) : undefined;
  if (deepPath !== undefined) throw tooDeep(source, doc.locate(deepPath) ?? undefined, deepPath);
  return doc;
}

/** Where the text nests deeper than MAX_NESTING brackets, reported there. */
function throwIfTooDeep(source: Source): void {
  const deepAt = nestingTooDeep(source.text, true);
  if (deepAt !== undefined) throw tooDeep(source, positionOfOffset(source.text, deepAt));
}

const TOO_DEEP = -1;

/** An object as JSON.parse makes it (a list is an object too, and is asked about first). */
type ParsedObject = { readonly [key: string]: unknown };

function isParsedObject(value: unknown): value is ParsedObject {
  return typeof value === 'object' && value !== null;
}

/**
 * The keys of every object in parsed JSON, counted; TOO_DEEP when an object or list sits `limit`
 * levels deep (the recursion stops there, so it cannot run out of stack). Keys are counted with
 * `for…in`, which allocates nothing (a parsed object has no inherited enumerable keys).
 */
function countKeys(value: unknown, depth: number, limit: number): number {
  if (!isParsedObject(value)) return 0;
  if (depth >= limit) return TOO_DEEP;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = countKeys(value[i], depth + 1, limit);
      if (inner === TOO_DEEP) return TOO_DEEP;
      n += inner;
    }
    return n;
  }
  for (const key in value) {
    n++;
    const inner = countKeys(value[key], depth + 1, limit);
    if (inner === TOO_DEEP) return TOO_DEEP;
    n += inner;
  }
  return n;
}

function jsonSyntaxProblem(source: Source, message: string): Problem {
  const at = /at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : (jsonErrorOffset(source.text) ?? source.text.length);
  const clean = message
    .replace(/\s*in JSON at position \d+(\s*\(line \d+ column \d+\))?/, '')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .replace(/^Unexpected token '(\s)'/, (_, ch: string) => `Unexpected ${ch === '\t' ? 'tab' : 'line end'}`);
  return {
    file: source.name,
    ...positionOfOffset(source.text, offset),
    code: 'invalid-json',
    message: `invalid JSON: ${clean}`,
    hint: 'JSON needs double-quoted keys and strings and no trailing commas; or write the file as YAML',
  };
}

/** Strings followed by a colon, in text that is valid JSON (so every other quote opens a string). */
function countWrittenKeys(text: string): number {
  let n = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    let close = text.indexOf('"', open + 1);
    while (close !== -1 && isEscaped(text, close)) close = text.indexOf('"', close + 1);
    if (close === -1) break;
    let next = close + 1;
    for (
      let ch = text.charCodeAt(next);
      ch === 32 || ch === 10 || ch === 13 || ch === 9;
      ch = text.charCodeAt(++next)
    );
    if (text.charCodeAt(next) === 58) n++;
    open = text.indexOf('"', next);
  }
  return n;
}

/** An odd run of backslashes before `at`. */
function isEscaped(text: string, at: number): boolean {
  let k = at - 1;
  while (text.charCodeAt(k) === 92) k--;
  return (at - 1 - k) % 2 === 1;
}
