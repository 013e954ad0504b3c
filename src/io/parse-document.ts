import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type * as Yaml from 'yaml';
import { type Problem, UserError } from '../errors.js';
import { jsonErrorOffset } from './json-error-offset.js';
import type { Source } from './read-input.js';

export interface Position {
  line: number;
  col: number;
}

/** A parsed YAML or JSON document that can say where each value sits in the text. */
export interface ParsedDocument {
  source: Source;
  data: unknown;
  /**
   * Where the value at `path` starts (or, with `key`, where that key of the object at `path`
   * starts); falls back to the nearest ancestor that exists.
   */
  locate(path: readonly PropertyKey[], key?: string): Position | undefined;
}

/** Aliases a YAML document may expand before it is taken for an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Two YAML parsers, each for what it does best. js-yaml reads a well-formed file several times
 * faster, cold, than the `yaml` package, which is most of a small run's time; `yaml` keeps every
 * node's position (for located messages), limits alias expansion and words its errors well. So
 * js-yaml reads the file first and `yaml` is loaded (synchronously, on first use) only to locate
 * a problem, or to read a file js-yaml refused or one with anchors, aliases or tags. Both read
 * YAML 1.2's core schema (dates stay strings) and refuse duplicate keys; the tests hold the two to
 * the same data.
 */
const requireCjs = createRequire(import.meta.url);
let yamlPackage: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlPackage ??= requireCjs('yaml') as typeof Yaml;
  return yamlPackage;
}

/** An anchor, alias or tag where a node may start: such files go to the full parser. */
const NODE_PROPERTY = /(^|[\s,[{:-])[&*!][^\s,\]}]/m;

/** Parses by content: strict JSON when the first non-blank character is `{` or `[`, else YAML. */
export function parseSource(source: Source): ParsedDocument {
  const first = source.text.trimStart()[0];
  if (first === undefined) {
    throw new UserError([
      {
        file: source.name,
        line: 1,
        col: 1,
        code: 'empty-file',
        message: 'the file is empty',
        hint: 'run `jss init` for a commented example',
      },
    ]);
  }
  return first === '{' || first === '[' ? parseJson(source) : parseYaml(source);
}

function parseJson(source: Source): ParsedDocument {
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch (error) {
    throw new UserError([jsonSyntaxProblem(source, (error as Error).message)]);
  }
  // JSON.parse keeps the last of duplicate keys silently. Every string token is matched in order,
  // so keys are the ones followed by a colon; fewer keys parsed than written means a duplicate.
  if (countParsedKeys(data) !== countWrittenKeys(source.text)) {
    parseYamlFully(source); // reports the duplicate key at its line and column
  }
  let yamlView: ParsedDocument | undefined;
  return {
    source,
    data,
    locate(path, key) {
      yamlView ??= parseYamlFully(source);
      return yamlView.locate(path, key);
    },
  };
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

function countParsedKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) n += countParsedKeys(item);
    return n;
  }
  for (const key in value) n += 1 + countParsedKeys((value as Record<string, unknown>)[key]);
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

export function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function parseYaml(source: Source): ParsedDocument {
  if (!NODE_PROPERTY.test(source.text)) {
    let data: unknown;
    try {
      data = loadYaml(source.text, { schema: CORE_SCHEMA, json: false });
    } catch {
      return parseYamlFully(source); // says what is wrong, and where
    }
    let located: ParsedDocument | undefined;
    return {
      source,
      data: data ?? null,
      locate(path, key) {
        located ??= parseYamlFully(source);
        return located.locate(path, key);
      },
    };
  }
  return parseYamlFully(source);
}

function parseYamlFully(source: Source): ParsedDocument {
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file: source.name,
    ...at(e.pos[0]),
    code: 'invalid-yaml',
    message: `invalid ${source.text.trimStart().startsWith('{') || source.text.trimStart().startsWith('[') ? 'JSON' : 'YAML'}: ${yamlMessage(source.text, e)}`,
    hint:
      e.code === 'DUPLICATE_KEY' ? 'each key may appear once in an object; remove or rename one' : undefined,
  }));
  if (problems.length > 0) throw new UserError(problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    let offset = 0;
    visit(doc, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    throw new UserError([
      {
        file: source.name,
        ...at(offset),
        code: 'alias-limit',
        message: `YAML aliases expand too far (${firstLine((error as Error).message)})`,
        hint: `a history needs no aliases; write the values out (at most ${MAX_ALIAS_COUNT} alias expansions are allowed)`,
      },
    ]);
  }

  return {
    source,
    data,
    locate(path, key) {
      let node: unknown = doc.contents;
      let found: Yaml.Node | undefined = doc.contents ?? undefined;
      const segments = key === undefined ? path : [...path, key];
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        if (isAlias(node)) node = node.resolve(doc);
        let next: unknown;
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
          );
          if (pair) next = key !== undefined && i === segments.length - 1 ? pair.key : pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          next = node.items[segment];
        }
        if (!next || !(next as Yaml.Node).range) break;
        found = next as Yaml.Node;
        node = next;
      }
      return found?.range ? at(found.range[0]) : undefined;
    },
  };
}

/** The yaml library's message, in the user's terms where it speaks of its own API. */
function yamlMessage(text: string, e: { code: string; message: string; pos: [number, number] }): string {
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^:\n]+?)\s*:/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[1];
    return key ? `duplicate key "${key.replace(/^["']|["']$/g, '')}"` : firstLine(e.message);
  }
  if (e.code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a second `---`)';
  return firstLine(e.message);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
