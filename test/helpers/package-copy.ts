import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

// For end-to-end tests that change an installed package: run `npm run build` first (`npm test` does).

/** A copy of the installed package's files (bin/, dist/, rules/, package.json) in a fresh folder. */
export function copyOfPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jss-package-'));
  for (const path of ['bin', 'dist', 'rules', 'package.json'])
    cpSync(join(repoRoot, path), join(dir, path), { recursive: true });
  return dir;
}

/** The copy's stdout for `argv`, run from the repository (execFileSync throws on a non-zero exit). */
export function runCopy(dir: string, argv: string[]): string {
  return execFileSync(process.execPath, [join(dir, 'bin/jss.js'), ...argv], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
    encoding: 'utf8',
  });
}
