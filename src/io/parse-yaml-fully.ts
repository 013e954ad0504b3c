import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { formatNumber } from '../core/format-number.js';
import { type Problem, UserError } from '../errors.js';
import type { ParsedDocument } from './parsed-document.js';
import type { Position } from './position.js';
import type { Source } from './read-input.js';
import { EXPLICIT_NUMBER_TAGS } from './yaml-core-schema.js';

/**
 * How many values aliases may add to a document before it is taken for an alias bomb: a limit on
 * the size of the expansion (an anchor used 150 times is fine; nine levels of ten are not).
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * The `yaml` package keeps every node's position (for located messages), limits alias expansion
 * and words its errors well, but is several times slower, cold, than js-yaml: it is loaded
 * (synchronously, on first use) only to locate a problem, or to read a file js-yaml refused or
 * one with anchors, aliases or tags.
 */
let yamlPackage: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  if (yamlPackage === undefined) {
    // made here, not when the module loads: a run that never needs `yaml` pays nothing for it
    const loaded: typeof Yaml = createRequire(import.meta.url)('yaml');
    yamlPackage = loaded;
  }
  return yamlPackage;
}

/** Parses with the yaml package alone (every node with its position); the reference for locating. */
export function parseYamlFully(source: Source): ParsedDocument {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    customTags: (tags) => [...tags, ...EXPLICIT_NUMBER_TAGS],
  });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const problems = syntaxProblems(source, doc, at);
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
  const locate = nodeLocator(doc, at);
  return { source, data, locate, locateAll: (places) => places.map((p) => locate(p.path, p.key)) };
}

function syntaxProblems(source: Source, doc: Yaml.Document, at: (offset: number) => Position): Problem[] {
  const trimmed = source.text.trimStart();
  const format = trimmed.startsWith('{') || trimmed.startsWith('[') ? 'JSON' : 'YAML';
  return [...doc.errors, ...doc.warnings].map((e) => ({
    file: source.name,
    ...at(e.pos[0]),
    code: 'invalid-yaml',
    message: `invalid ${format}: ${yamlMessage(source.text, e)}`,
    hint:
      e.code === 'DUPLICATE_KEY' ? 'each key may appear once in an object; remove or rename one' : undefined,
  }));
}

/** Where the node at a path (or a key of it) starts: the nearest ancestor's start when it is missing. */
function nodeLocator(
  doc: Yaml.Document,
  at: (offset: number) => Position,
): (path: readonly PropertyKey[], key?: string) => Position | undefined {
  const { isAlias, isMap, isNode, isPair, isScalar, isSeq } = yaml();
  return (path, key) => {
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
      if (!isNode(next) || !next.range) break;
      found = next;
      node = next;
    }
    return found?.range ? at(found.range[0]) : undefined;
  };
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
