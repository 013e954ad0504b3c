import type { Problem } from '../errors.js';
import type { ParsedDocument } from '../io/parsed-document.js';

/** Where an object or list of a merged rule set was written: a document and a path inside it. */
interface Origin {
  doc: ParsedDocument;
  path: PropertyKey[];
}

type Data = Record<string, unknown>;

/**
 * Rule-file layers merged along an `extends` chain, remembering for every object and list which
 * file it came from, so a problem found after merging is reported in the file that wrote it.
 */
export class MergedRules {
  private readonly origins = new WeakMap<object, Origin>();
  data: Data = {};

  /** Merges one file over what it extends: objects key by key, lists and values replaced whole. */
  addLayer(doc: ParsedDocument, file: Data): void {
    this.register(file, doc, []);
    const { extends: _extends, addScenarios, ...own } = file;
    const merged = this.mergeObjects(this.data, own);
    if (Array.isArray(addScenarios)) {
      const inherited = Array.isArray(merged.scenarios) ? merged.scenarios : [];
      const scenarios = [...inherited, ...addScenarios];
      this.origins.set(scenarios, { doc, path: ['addScenarios'] });
      merged.scenarios = scenarios;
    }
    this.origins.set(merged, { doc, path: [] });
    this.data = merged;
  }

  /** The file, line and column of the value at `path` (or of `key` in it), in the file it came from. */
  locate(path: readonly PropertyKey[], key?: string): Pick<Problem, 'file' | 'line' | 'col'> {
    let origin = this.origins.get(this.data);
    let depth = 0;
    let node: unknown = this.data;
    for (let i = 0; i < path.length; i++) {
      if (node === null || typeof node !== 'object') break;
      node = Reflect.get(node, path[i]);
      const found = node !== null && typeof node === 'object' ? this.origins.get(node) : undefined;
      if (found) {
        origin = found;
        depth = i + 1;
      }
    }
    if (origin === undefined) return {}; // nothing merged yet
    const at = origin.doc.locate([...origin.path, ...path.slice(depth)], key);
    return { file: origin.doc.source.name, ...at };
  }

  private mergeObjects(base: Data, over: Data): Data {
    const out: Data = { ...base };
    for (const [key, value] of Object.entries(over)) {
      const inherited = base[key];
      out[key] =
        isPlainObject(value) && isPlainObject(inherited) ? this.mergeObjects(inherited, value) : value;
    }
    const origin = this.origins.get(over);
    if (origin) this.origins.set(out, origin);
    return out;
  }

  private register(value: unknown, doc: ParsedDocument, path: PropertyKey[]): void {
    if (value === null || typeof value !== 'object') return;
    this.origins.set(value, { doc, path });
    const entries: [PropertyKey, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [k, v] of entries) this.register(v, doc, [...path, k]);
  }
}

function isPlainObject(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
