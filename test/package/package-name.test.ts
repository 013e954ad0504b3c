import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe('the package name', () => {
  const pkg = JSON.parse(read('package.json')) as { name: string; bin: Record<string, string> };

  it('is not `jss` (an unrelated CSS-in-JS library on npm), and the command stays `jss`', () => {
    expect(pkg.name).not.toBe('jss');
    expect(Object.keys(pkg.bin)).toEqual(['jss']);
  });

  it('is the same in package-lock.json, the README install line and the library examples', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      name: string;
      packages: Record<string, { name?: string }>;
    };
    expect(lock.name).toBe(pkg.name);
    expect(lock.packages['']?.name).toBe(pkg.name);
    expect(read('README.md')).toContain(`npm install -g ${pkg.name}`);
    expect(read('README.md')).toContain(`from '${pkg.name}'`);
    expect(read('src/index.ts')).toContain(`from '${pkg.name}'`);
  });
});
