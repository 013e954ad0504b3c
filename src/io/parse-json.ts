import { type Problem, UserError } from '../errors.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { locatedByListening } from './locate-by-listening.js';
import { parseYamlFully } from './parse-yaml-fully.js';
import type { ParsedDocument } from './parsed-document.js';
import { positionOfOffset } from './position.js';
import type { Source } from './read-input.js';

/** Strict JSON, refusing duplicate keys (which JSON.parse would let the last of win). */
export function parseJson(source: Source): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch (error) {
    throw new UserError([jsonSyntaxProblem(source, error instanceof Error ? error.message : String(error))]);
  }
  // JSON.parse keeps the last of duplicate keys silently. Every string token is matched in order,
  // so keys are the ones followed by a colon; fewer keys parsed than written means a duplicate.
  if (countParsedKeys(data) !== countWrittenKeys(source.text)) {
    parseYamlFully(source); // reports the duplicate key at its line and column
  }
  return { source, data, ...locatedByListening(source) };
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

/** The keys of every object in parsed JSON, counted. */
function countParsedKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) n += countParsedKeys(item);
    return n;
  }
  for (const key in value) n += 1 + countParsedKeys(Reflect.get(value, key));
  return n;
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
