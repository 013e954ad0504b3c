import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBin } from '../helpers/run-cli.js';

// Spawns the built bin/jss.js: run `npm run build` first (`npm test` does).
const bin = fileURLToPath(new URL('../../bin/jss.js', import.meta.url));
const fixture = (name: string) => join(repoRoot, 'test/fixtures/import', name);
const tempDir = () => mkdtempSync(join(tmpdir(), 'jss-e2e-files-'));

describe('the jss binary and files', () => {
  it('a failed write to stdout (/dev/full) is a message and exit 2, not a stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'estimate', 'examples/forum-case.yaml'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(2);
    expect(stderr).toBe('jss: cannot write to standard output (ENOSPC: no space left on device)\n');
  });

  it('two merges at once both land: neither drops the other’s contracts', async () => {
    const dir = tempDir();
    expect(
      (await runBin(['import', fixture('transactions-13.csv'), '-o', 'contracts.yaml'], { cwd: dir })).code,
    ).toBe(0);
    const [a, b] = await Promise.all([
      runBin(['import', fixture('transactions-later.csv'), '--merge', 'contracts.yaml'], { cwd: dir }),
      runBin(['import', fixture('weekly-summary.csv'), '--merge', 'contracts.yaml'], { cwd: dir }),
    ]);
    const final = readFileSync(join(dir, 'contracts.yaml'), 'utf8');
    // Either the second waited for the first (both 0), or it refused clearly (2) and wrote nothing.
    for (const [r, marker] of [
      [a, 'Delta Inc'],
      [b, 'unknown-'],
    ] as const) {
      if (r.code === 0) expect(final).toContain(marker);
      else expect(r.stderr).toContain('another `jss import --merge` is changing this file');
    }
    expect(a.code === 0 || b.code === 0).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['contracts.yaml', 'contracts.yaml.bak']);
  });

  it('SIGTERM during a merge removes its lock file and leaves the history alone', async () => {
    const dir = tempDir();
    expect(
      (await runBin(['import', fixture('transactions-13.csv'), '-o', 'contracts.yaml'], { cwd: dir })).code,
    ).toBe(0);
    const before = readFileSync(join(dir, 'contracts.yaml'), 'utf8');
    // Reading the CSV from a stdin that stays open keeps the merge waiting, holding its lock.
    const child = spawn(process.execPath, [bin, 'import', '-', '--merge', 'contracts.yaml'], {
      cwd: dir,
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lock = join(dir, 'contracts.yaml.lock');
    while (!existsSync(lock)) await new Promise((done) => setTimeout(done, 20));
    const ended = new Promise<NodeJS.Signals | null>((done) =>
      child.on('close', (_code, signal) => done(signal)),
    );
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(dir)).toEqual(['contracts.yaml']);
    expect(readFileSync(join(dir, 'contracts.yaml'), 'utf8')).toBe(before);
  });
});
