import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    if (dirname(dir) === dir) throw new Error(`jss: cannot find its package folder above ${start}`);
  }
}

/**
 * The package's own folder (package.json, rules/, dist/), found from wherever this code runs:
 * src/ under the tests, dist/ as compiled by tsc, or dist/cli/ as bundled for the command line.
 */
export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** True under the tests, which run the TypeScript sources: nothing built is read then. */
export const runningFromSource = import.meta.url.endsWith('.ts');

/** The version in the package's package.json. */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  if (typeof pkg !== 'object' || pkg === null || !('version' in pkg) || typeof pkg.version !== 'string')
    throw new Error(`jss: no version in ${join(packageRoot, 'package.json')}`);
  return pkg.version;
}
