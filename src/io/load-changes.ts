import { basename, extname } from 'node:path';
import type { Changes } from '../core/apply-changes.js';
import { changesSchema } from './changes-schema.js';
import { parseSource } from './parse-document.js';
import type { ParsedDocument } from './parsed-document.js';
import type { PathProblem } from './path-problems.js';
import { readInput, type StdinLike } from './read-input.js';
import { parseWith } from './schema-problems.js';

export interface LoadedChanges {
  document: ParsedDocument;
  changes: Changes;
  /** The alternative's name: the file's `name`, else the file name without its extension. */
  name: string;
}

/** Reads, parses and validates the shape of a changes file (`-` reads stdin). */
export async function loadChanges(
  path: string,
  options: { stdin?: StdinLike; cwd?: string },
): Promise<LoadedChanges> {
  const document = parseSource(await readInput(path, options));
  const parsed = parseWith(changesSchema, document, (value) =>
    (value.change ?? []).flatMap((entry, j): PathProblem[] =>
      entry.fields.id === undefined
        ? []
        : [
            {
              path: ['change', j, 'fields'],
              key: 'id',
              code: 'id-change',
              message: 'the id of a contract cannot change',
              hint: 'remove id here; to have a contract under a new id, add it and leave the old one',
            },
          ],
    ),
  );
  const changes: Changes = {
    set: parsed.set,
    change: parsed.change?.map((entry) => {
      const { id: _id, ...fields } = entry.fields;
      return { contract: entry.contract, fields };
    }),
    add: parsed.add,
  };
  const fallback = path === '-' ? 'stdin' : basename(path, extname(path));
  return { document, changes, name: parsed.name ?? fallback };
}
