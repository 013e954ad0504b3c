import { createRequire } from 'node:module';
import { FAILSAFE_SCHEMA, load as loadYaml, Type } from 'js-yaml';
import type * as Yaml from 'yaml';
import { formatNumber } from '../core/format-number.js';
import { formatPath, type Problem, UserError } from '../errors.js';
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
  /** `locate` for many places at once: one pass over a large file instead of one per place. */
  locateAll(places: readonly Place[]): (Position | undefined)[];
}

/** A place to locate: the value at `path`, or with `key` that key of the object at `path`. */
export interface Place {
  path: readonly PropertyKey[];
  key?: string;
}

/**
 * How many values aliases may add to a document before it is taken for an alias bomb: a limit on
 * the size of the expansion (an anchor used 150 times is fine; nine levels of ten are not).
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Levels of nesting a document may have (a history needs five; a rule set six). */
export const MAX_NESTING = 64;

/**
 * YAML 1.2's core schema, exactly (https://yaml.org/spec/1.2.2/#1032-tag-resolution), for js-yaml,
 * whose own core schema follows YAML 1.1 for numbers (`0b101`, `-0x10`, no `+.5`): so both parsers
 * make the same numbers of the same text.
 */
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function coreNumber(text: string): number {
  if (text.startsWith('0o')) return Number.parseInt(text.slice(2), 8);
  if (text.startsWith('0x')) return Number.parseInt(text.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return Number(text);
}

const CORE_12_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string | null) => data === null || /^(?:~|null|Null|NULL)?$/.test(data),
      construct: () => null,
      predicate: (v: unknown) => v === null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && /^(?:true|True|TRUE|false|False|FALSE)$/.test(data),
      construct: (data: string) => data === 'true' || data === 'True' || data === 'TRUE',
      predicate: (v: unknown) => typeof v === 'boolean',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && CORE_INT.test(data),
      construct: coreNumber,
      predicate: (v: unknown) => Number.isInteger(v),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && CORE_FLOAT.test(data),
      construct: coreNumber,
      predicate: (v: unknown) => typeof v === 'number',
    }),
  ],
});

/** `!!float 500` and `!!int` on any number the core schema reads (the yaml package wants a dot in a float). */
const EXPLICIT_NUMBER_TAGS = ['tag:yaml.org,2002:float', 'tag:yaml.org,2002:int'].map((tag) => ({
  tag,
  default: false as const,
  resolve(value: string, onError: (message: string) => void): number | string {
    if (CORE_INT.test(value) || CORE_FLOAT.test(value)) {
      const n = coreNumber(value);
      if (tag.endsWith('float') || Number.isInteger(n)) return n;
    }
    onError(`"${value}" is not ${tag.endsWith('float') ? 'a number' : 'a whole number'}`);
    return value;
  },
}));

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
  const json = first === '{' || first === '[';
  const deepAt = nestingTooDeep(source.text, json);
  if (deepAt !== undefined) throw tooDeep(source, positionOfOffset(source.text, deepAt));
  let doc: ParsedDocument;
  try {
    doc = json ? parseJson(source) : parseYaml(source);
  } catch (error) {
    // A parser's own recursion: the scan above should have caught any nesting that deep.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep(source, undefined);
    throw error;
  }
  const deepPath = pathTooDeep(doc.data);
  if (deepPath !== undefined) throw tooDeep(source, doc.locate(deepPath) ?? undefined, deepPath);
  return doc;
}

function tooDeep(source: Source, at: Position | undefined, path?: PropertyKey[]): UserError {
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
      let col = 0;
      let j = i;
      while (text[j] === ' ') j++;
      const blank = j >= text.length || text[j] === '\n' || text[j] === '\r' || text[j] === '#';
      while (!blank) {
        col = j - lineStartOffset(text, i);
        while (indents.length > 0 && (indents.at(-1) ?? 0) >= col) indents.pop();
        indents.push(col);
        if (indents.length > MAX_NESTING + 1) return j;
        if ((text[j] === '-' || text[j] === '?') && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
          j += 1;
          while (text[j] === ' ') j++;
          continue;
        }
        break;
      }
      i = j;
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
function pathTooDeep(data: unknown): PropertyKey[] | undefined {
  const children = (value: unknown): [PropertyKey, unknown][] =>
    typeof value !== 'object' || value === null
      ? []
      : Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : Object.entries(value);
  // First only depths (cheap on a large file), then, if something is too deep, its path.
  const depths: [unknown, number][] = [[data, 0]];
  let deepest: unknown;
  while (depths.length > 0 && deepest === undefined) {
    const [value, depth] = depths.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_NESTING) deepest = value;
    else
      for (const child of Array.isArray(value) ? value : Object.values(value))
        depths.push([child, depth + 1]);
  }
  if (deepest === undefined) return undefined;
  const paths: [unknown, PropertyKey[]][] = [[data, []]];
  while (paths.length > 0) {
    const [value, path] = paths.pop() as [unknown, PropertyKey[]];
    if (value === deepest) return path;
    if (path.length < MAX_NESTING)
      for (const [key, child] of children(value)) paths.push([child, [...path, key]]);
  }
  return undefined;
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
      data = loadYaml(source.text, { schema: CORE_12_SCHEMA, json: false });
    } catch {
      return parseYamlFully(source); // says what is wrong, and where
    }
    return { source, data: data ?? null, ...locatedByListening(source) };
  }
  return parseYamlFully(source);
}

/** Parses with the yaml package alone (every node with its position); the reference for locating. */
export function parseYamlFully(source: Source): ParsedDocument {
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    customTags: (tags) => [...tags, ...EXPLICIT_NUMBER_TAGS],
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

  const expansion = aliasExpansion(doc);
  if (expansion !== undefined) {
    throw new UserError([
      {
        file: source.name,
        ...at(expansion.offset),
        code: 'alias-limit',
        message: expansion.cycle
          ? 'a YAML alias refers to a value that contains it'
          : `YAML aliases expand too far (to more than ${formatNumber(MAX_ALIAS_EXPANSION)} values)`,
        hint: 'a history needs no aliases; write the values out',
      },
    ]);
  }
  const data: unknown = doc.toJS({ maxAliasCount: -1 });

  const locate = (path: readonly PropertyKey[], key?: string): Position | undefined => {
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
  };
  return { source, data, locate, locateAll: (places) => places.map((p) => locate(p.path, p.key)) };
}

/**
 * Locating in a file js-yaml has read: js-yaml reads it again with a listener that notes where the
 * wanted values start (one pass, a few times cheaper than the yaml package's document of every
 * node). Positions agree with the yaml package's (test/io/locate.test.ts); should js-yaml refuse
 * the text, the yaml package locates.
 */
function locatedByListening(source: Source): Pick<ParsedDocument, 'locate' | 'locateAll'> {
  const locateAll = (places: readonly Place[]): (Position | undefined)[] => {
    try {
      return listenForPlaces(source.text, places);
    } catch {
      return parseYamlFully(source).locateAll(places);
    }
  };
  return { locate: (path, key) => locateAll([{ path, key }])[0], locateAll };
}

interface Wanted {
  kids: Map<string, Wanted>;
  /** Its children are list items (the path has a number here). */
  list: boolean;
  valueAt?: number;
  keyAt?: number;
}

function listenForPlaces(text: string, places: readonly Place[]): (Position | undefined)[] {
  const root: Wanted = { kids: new Map(), list: false };
  const walks = places.map(({ path, key }) => {
    const nodes: Wanted[] = [root];
    const segments = key === undefined ? path : [...path, key];
    for (const segment of segments) {
      const parent = nodes[nodes.length - 1];
      if (typeof segment === 'number') parent.list = true;
      let kid = parent.kids.get(String(segment));
      if (!kid) {
        kid = { kids: new Map(), list: false };
        parent.kids.set(String(segment), kid);
      }
      nodes.push(kid);
    }
    return { nodes, isKey: key !== undefined };
  });

  interface Frame {
    wanted?: Wanted;
    openAt: number;
    children: number;
    lastKey?: string;
    /** This node may be a mapping key: where it starts. */
    keyAt?: number;
    /** It opened where its parent did, as its first child: js-yaml may wrap a flow collection so. */
    wrapper?: boolean;
  }
  const stack: Frame[] = [{ wanted: undefined, openAt: -1, children: 0 }];
  let started = false;
  loadYaml(text, {
    schema: CORE_12_SCHEMA,
    json: false,
    listener(event, state) {
      const parent = stack[stack.length - 1];
      if (event === 'open') {
        const frame: Frame = { openAt: state.position, children: 0 };
        if (!started) {
          started = true;
          frame.wanted = root;
          root.valueAt = state.position;
        } else if (parent.wanted) {
          const k = parent.children++;
          if (parent.wanted.list) {
            frame.wanted = parent.wanted.kids.get(String(k));
            if (frame.wanted) frame.wanted.valueAt = state.position;
          } else if (k % 2 === 0) {
            frame.keyAt = state.position;
          } else if (parent.lastKey !== undefined) {
            frame.wanted = parent.wanted.kids.get(parent.lastKey);
            if (frame.wanted) frame.wanted.valueAt = state.position;
          }
          // Either a first key or a wrapped collection: it stands for its parent until it closes.
          if (k === 0 && state.position === parent.openAt && frame.wanted === undefined) {
            frame.wrapper = true;
            frame.wanted = parent.wanted;
          }
        }
        stack.push(frame);
        return;
      }
      const frame = stack.pop() as Frame;
      const owner = stack[stack.length - 1];
      if (frame.wrapper && state.kind !== 'scalar') {
        owner.children = 0; // it was the parent itself, not a child
      } else if (frame.keyAt !== undefined && owner.wanted) {
        owner.lastKey = state.kind === 'scalar' ? String(state.result) : undefined;
        const kid = owner.lastKey === undefined ? undefined : owner.wanted.kids.get(owner.lastKey);
        if (kid) kid.keyAt = frame.keyAt;
      }
    },
  });

  const offsets = walks.map(({ nodes, isKey }) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const at = isKey && i === nodes.length - 1 ? nodes[i].keyAt : nodes[i].valueAt;
      const start = at === undefined ? undefined : startOfNode(text, at);
      if (start !== undefined) return start;
    }
    return undefined;
  });
  return positionsOfOffsets(text, offsets);
}

/** js-yaml notes a node before the space, line ends and comments that precede it. */
function startOfNode(text: string, offset: number): number | undefined {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end + 1;
    } else return i < text.length ? i : undefined; // nothing but space and comments: an empty node
  }
}

/** Line and column of many offsets in one pass over the text. */
function positionsOfOffsets(
  text: string,
  offsets: readonly (number | undefined)[],
): (Position | undefined)[] {
  const order = offsets
    .map((offset, i) => ({ offset, i }))
    .filter((o): o is { offset: number; i: number } => o.offset !== undefined)
    .sort((a, b) => a.offset - b.offset);
  const out: (Position | undefined)[] = offsets.map(() => undefined);
  let line = 1;
  let lineStart = 0;
  let next = text.indexOf('\n');
  for (const { offset, i } of order) {
    while (next !== -1 && next < offset) {
      line++;
      lineStart = next + 1;
      next = text.indexOf('\n', next + 1);
    }
    out[i] = { line, col: offset - lineStart + 1 };
  }
  return out;
}

/**
 * Whether aliases make the document grow by more than MAX_ALIAS_EXPANSION values (or refer to
 * a value that contains them), and where: sizes are counted once per anchored node, so a bomb is
 * measured without being expanded.
 */
function aliasExpansion(doc: Yaml.Document): { offset: number; cycle: boolean } | undefined {
  const { isAlias, isMap, isPair, isSeq, visit } = yaml();
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let cycleAt: number | undefined;
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) return 1;
      if (open.has(target)) {
        cycleAt ??= node.range?.[0] ?? 0;
        return 1;
      }
      return size(target);
    }
    const known = sizes.get(node);
    if (known !== undefined) return known;
    open.add(node);
    let n = 1;
    if (isMap(node)) for (const pair of node.items) n += isPair(pair) ? size(pair.key) + size(pair.value) : 1;
    else if (isSeq(node)) for (const item of node.items) n += size(item);
    open.delete(node);
    sizes.set(node, n);
    return n;
  };
  let written = 0;
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_, node) {
      firstAlias ??= node.range?.[0] ?? 0;
      written++;
    },
    Node() {
      written++;
    },
  });
  if (firstAlias === undefined) return undefined;
  const total = size(doc.contents);
  if (cycleAt !== undefined) return { offset: cycleAt, cycle: true };
  return total - written > MAX_ALIAS_EXPANSION ? { offset: firstAlias, cycle: false } : undefined;
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
