import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_KEYS, END_REASONS } from '../../src/core/types.js';
import { EXAMPLE_HISTORY } from '../../src/io/example-history.js';
import { runCli } from '../helpers/run-cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'jss-init-'));

describe('jss init', () => {
  it('writes ./contracts.yaml in the working directory, says so and what to run next', async () => {
    const cwd = temp();
    const r = await runCli(['init'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'wrote contracts.yaml: an example contract history, every field explained in its comments\n' +
        'next: replace the example contracts with yours, then run `jss validate contracts.yaml`\n',
    );
    expect(readdirSync(cwd)).toEqual(['contracts.yaml']);
    expect(readFileSync(join(cwd, 'contracts.yaml'), 'utf8')).toBe(EXAMPLE_HISTORY);
  });

  it('writes a file that validates, whose first line points editors at the schema', async () => {
    const cwd = temp();
    await runCli(['init'], { cwd });
    const v = await runCli(['validate', 'contracts.yaml'], { cwd });
    expect(v).toEqual({
      code: 0,
      stdout: 'contracts.yaml: valid — 5 contracts, 4 clients, 2 open (as of 2026-11-26)\n',
      stderr: '',
    });
    expect(EXAMPLE_HISTORY.split('\n')[0]).toBe('# yaml-language-server: $schema=./contracts.schema.json');
    expect(EXAMPLE_HISTORY).toContain('jss schema contracts > contracts.schema.json');
  });

  it('explains every field and every reason code in its comments', async () => {
    // Every key a history may hold, and every reason code, is explained in the example.
    for (const field of ['version', 'asOf', 'freelancer', ...CONTRACT_KEYS, 'public', 'private']) {
      expect(EXAMPLE_HISTORY, field).toMatch(new RegExp(`^\\s*(- |# )?${field}:.*#`, 'm'));
    }
    for (const code of END_REASONS) expect(EXAMPLE_HISTORY).toMatch(new RegExp(`^#   ${code} `, 'm'));
  });

  it('shows observed scores, commented out; uncommented they validate and estimate compares them', async () => {
    expect(EXAMPLE_HISTORY).toMatch(/^# observed:$/m);
    const cwd = temp();
    const uncommented = EXAMPLE_HISTORY.replace(/^# observed:$/m, 'observed:').replace(
      /^# {3}- \{ date/gm,
      '  - { date',
    );
    writeFileSync(join(cwd, 'contracts.yaml'), uncommented);
    const r = await runCli(['estimate', 'contracts.yaml', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(
      JSON.parse(r.stdout).observed.map((o: { date: string; jss: number | null }) => [o.date, o.jss]),
    ).toEqual([
      ['2026-10-15', 92],
      ['2026-11-14', 88],
      ['2026-11-20', null],
    ]);
  });

  it('refuses to overwrite without --force, and leaves the file alone', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'contracts.yaml'), 'mine\n');
    const r = await runCli(['init'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'contracts.yaml: already exists; not overwriting it\n  hint: pass --force to replace it\n',
    );
    expect(readFileSync(join(cwd, 'contracts.yaml'), 'utf8')).toBe('mine\n');
  });

  it('overwrites with --force, and touches no other file', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'contracts.yaml'), 'mine\n');
    writeFileSync(join(cwd, 'other.yaml'), 'keep\n');
    const r = await runCli(['init', '--force'], { cwd });
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'contracts.yaml'), 'utf8')).toBe(EXAMPLE_HISTORY);
    expect(readFileSync(join(cwd, 'other.yaml'), 'utf8')).toBe('keep\n');
    expect(readdirSync(cwd).sort()).toEqual(['contracts.yaml', 'other.yaml']);
  });

  it('writes to a given path relative to the working directory', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'sub'));
    const r = await runCli(['init', 'sub/history.yaml'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote sub/history.yaml');
    expect(r.stderr).toContain('`jss validate sub/history.yaml`');
    expect(readdirSync(join(cwd, 'sub'))).toEqual(['history.yaml']);
  });

  it('says so when the folder does not exist', async () => {
    const cwd = temp();
    const r = await runCli(['init', 'missing/contracts.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write (no such folder)');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('prints the example to stdout for "-"', async () => {
    const cwd = temp();
    const r = await runCli(['init', '-'], { cwd });
    expect(r).toEqual({ code: 0, stdout: EXAMPLE_HISTORY, stderr: '' });
    expect(readdirSync(cwd)).toEqual([]);
  });
});
