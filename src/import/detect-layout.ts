import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import type { Source } from '../io/read-input.js';
import { LAYOUTS, type Layout } from './layouts.js';

/** A header name as compared: trimmed, lower case, single spaces. */
export function normalizeHeader(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Which known export `source` is, from its header line (a BOM may precede it; case, spacing and
 * trailing empty columns do not matter). Anything else is an error that lists the known layouts.
 */
export function detectLayout(source: Source): Layout {
  const firstLine = source.text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (source.text.trim() === '') {
    throw new UserError([
      {
        file: source.name,
        line: 1,
        code: 'empty-file',
        message: 'the file is empty',
        hint: knownLayoutsHint(),
      },
    ]);
  }
  const header = parseHeader(firstLine);
  const layout = header && LAYOUTS.find((l) => sameHeader(l.header, header));
  if (layout) return layout;
  const shown = firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine;
  throw new UserError([
    {
      file: source.name,
      line: 1,
      code: 'unknown-layout',
      message: `not a known Upwork export: the header line is ${JSON.stringify(shown)}`,
      hint: knownLayoutsHint(),
    },
  ]);
}

function parseHeader(line: string): string[] | undefined {
  try {
    const [fields] = parse(line, { to_line: 1, relax_quotes: true });
    const names = (fields ?? []).map(normalizeHeader);
    while (names.length > 0 && names.at(-1) === '') names.pop();
    return names;
  } catch {
    return undefined;
  }
}

function sameHeader(known: readonly string[], found: readonly string[]): boolean {
  return known.length === found.length && known.every((name, i) => normalizeHeader(name) === found[i]);
}

function knownLayoutsHint(): string {
  const lines = LAYOUTS.map((l) => `  - ${l.name}: ${l.header.join(',')}`);
  return `jss reads these Upwork CSV exports, known by their first line:\n${lines.join('\n')}`;
}
