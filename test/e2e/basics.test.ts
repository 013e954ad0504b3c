import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBin } from '../helpers/run-cli.js';

// Spawns the built bin/jss.js: run `npm run build` first (`npm test` does).
describe('the jss binary', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8'));
    expect(await runBin(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists the commands and ends with the exit codes', async () => {
    const r = await runBin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: jss /);
    for (const command of ['estimate', 'validate', 'init', 'schema'])
      expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(r.stdout.trimEnd().split('\n').slice(-5)).toEqual([
      'Exit codes:',
      '  0  done',
      '  1  a check you asked for failed (--fail-under)',
      '  2  bad usage, input or rules; a refused or failed write',
      '  3  internal error: please report it (--debug shows why)',
    ]);
  });

  it('validates an example (exit 0, one line on stdout)', async () => {
    expect(await runBin(['validate', 'examples/freelancer.yaml'])).toEqual({
      code: 0,
      stdout: 'examples/freelancer.yaml: valid — 23 contracts, 17 clients, 2 open (as of 2026-11-26)\n',
      stderr: '',
    });
  });

  it('rejects a broken file with exit 2 and a located message, no stack', async () => {
    const r = await runBin(['validate', 'test/fixtures/malformed/end-before-start.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'test/fixtures/malformed/end-before-start.yaml:8:10: contracts[0].end: end 2026-01-04 is before start 2026-01-05\n' +
        '  hint: swap or correct the dates\n',
    );
  });

  it('reads standard input for "-"', async () => {
    const r = await runBin(['validate', '-', '--json'], { stdin: '{"asOf": "2026-01-01", "contracts": []}' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      command: 'validate',
      file: '<stdin>',
      valid: true,
      contracts: 0,
    });
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runBin(['valdate', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: unknown command 'valdate'");
  });

  it('exits 2 on an unknown option', async () => {
    const r = await runBin(['validate', 'examples/freelancer.yaml', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("error: unknown option '--jsn'");
  });
});
