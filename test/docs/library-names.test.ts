import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * The functions the README and docs/*.md name as the library's (`import { … } from 'upwork-jss'`
 * and calls such as `forecast(prepared, { until, step })`) are functions that src/index.ts exports,
 * so a rename in the library cannot leave the docs behind.
 */
const files = [
  'README.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

function libraryNames(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const imported = [...flat.matchAll(/import \{([^}]*)\} from 'upwork-jss'/g)].flatMap((m) =>
    m[1].split(',').map((name) => name.trim()),
  );
  const called = [...flat.matchAll(/`([a-z][A-Za-z]+)\(/g)].map((m) => m[1]);
  return [...imported, ...called].filter((name) => name !== '');
}

const named = files.flatMap((file) =>
  libraryNames(readFileSync(join(repoRoot, file), 'utf8')).map((name) => ({ file, name })),
);

describe('library functions named in the docs', () => {
  it('has names to check', () => {
    expect(named.length).toBeGreaterThan(5);
  });

  it.each(named.map((n) => [`${n.file}: ${n.name}`, n.name] as const))('%s is exported', (_label, name) => {
    expect(typeof (api as Record<string, unknown>)[name], `${name} is not a function of src/index.ts`).toBe(
      'function',
    );
  });

  it('finds names in imports and in calls', () => {
    expect(libraryNames("`plan(prepared)` and import { a,\n b } from 'upwork-jss'")).toEqual([
      'a',
      'b',
      'plan',
    ]);
  });
});
