import { load as loadYaml } from 'js-yaml';
import { UserError } from '../errors.js';
import { locatedByListening } from './locate-by-listening.js';
import { nestingTooDeep, pathTooDeep, tooDeep } from './nesting.js';
import { parseJson } from './parse-json.js';
import { parseYamlFully } from './parse-yaml-fully.js';
import type { ParsedDocument } from './parsed-document.js';
import { positionOfOffset } from './position.js';
import type { Source } from './read-input.js';
import { CORE_12_SCHEMA } from './yaml-core-schema.js';

/**
 * Parses by content: strict JSON when the first non-blank character is `{` or `[`, else YAML.
 * Every input is untrusted: nesting is limited before a parser recurses into it.
 */
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
  // YAML's parsers recurse, so YAML nesting is limited before they read it. JSON.parse does not
  // recurse: JSON is scanned for its depth only when it is deep or does not parse (parse-json.ts).
  if (!json) {
    const deepAt = nestingTooDeep(source.text, false);
    if (deepAt !== undefined) throw tooDeep(source, positionOfOffset(source.text, deepAt));
  }
  let doc: ParsedDocument;
  try {
    doc = json ? parseJson(source) : parseYaml(source);
  } catch (error) {
    // A parser's own recursion: the scan above should have caught any nesting that deep.
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep(source, undefined);
    throw error;
  }
  if (!json) {
    const deepPath = pathTooDeep(doc.data);
    if (deepPath !== undefined) throw tooDeep(source, doc.locate(deepPath) ?? undefined, deepPath);
  }
  return doc;
}

/** An anchor, alias or tag where a node may start: such files go to the full parser. */
const NODE_PROPERTY = /(^|[\s,[{:-])[&*!][^\s,\]}]/m;

/**
 * Two YAML parsers, each for what it does best. js-yaml reads a well-formed file several times
 * faster, cold, than the `yaml` package, which is most of a small run's time; `yaml` keeps every
 * node's position (for located messages), limits alias expansion and words its errors well. So
 * js-yaml reads the file first, and `yaml` only locates a problem, or reads a file js-yaml refused
 * or one with anchors, aliases or tags. Both read YAML 1.2's core schema (dates stay strings) and
 * refuse duplicate keys; the tests hold the two to the same data.
 */
function parseYaml(source: Source): ParsedDocument {
  if (NODE_PROPERTY.test(source.text)) return parseYamlFully(source);
  let data: unknown;
  try {
    data = loadYaml(source.text, { schema: CORE_12_SCHEMA, json: false });
  } catch {
    return parseYamlFully(source); // says what is wrong, and where
  }
  return { source, data: data ?? null, ...locatedByListening(source) };
}
