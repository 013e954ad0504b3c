import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Problems found by auditing the command line against DESIGN.md §3, §5, §6 and §7.
const SMALL = 'test/fixtures/estimate/small.yaml';
const FORUM = 'test/fixtures/whatif/forum.yaml';
const CANCEL = 'test/fixtures/whatif/cancel-unhappy.yaml';
const ANSI = '\u001b[';

describe('usage without a command', () => {
  it('`jss` alone is bad usage: the help on stderr, nothing on stdout, exit 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: jss \[options\] \[command\]/);
    expect(r.stderr).toContain('Exit codes:');
  });

  it('`jss help` asks for help (stdout, exit 0); `jss help NOPE` is bad usage (stderr, exit 2)', async () => {
    const help = await runCli(['help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: jss /);
    const nope = await runCli(['help', 'nonesuch']);
    expect(nope).toMatchObject({ code: 2, stdout: '' });
    expect(nope.stderr).toMatch(/^Usage: jss /);
  });
});

describe('--fail-under says which JSS failed, and what it is', () => {
  it('estimate: the JSS and the mark', async () => {
    expect(await runCli(['estimate', SMALL, '-q', '--fail-under', '61'])).toEqual({
      code: 1,
      stdout: '60%\n',
      stderr: 'jss: projected JSS 60% is below 61% (--fail-under 61)\n',
    });
    expect(await runCli(['estimate', SMALL, '-q', '--fail-under', '60'])).toEqual({
      code: 0,
      stdout: '60%\n',
      stderr: '',
    });
  });

  it('estimate: a JSS that is not shown is not "below 0%"; it is not shown', async () => {
    expect(await runCli(['estimate', SMALL, '--as-of', '2028-06-01', '-q', '--fail-under', '0'])).toEqual({
      code: 1,
      stdout: 'not shown\n',
      stderr: 'jss: no JSS is shown, which fails --fail-under 0\n',
    });
  });

  it('estimate with several rule sets: names each rule set that fails, and only those', async () => {
    const r = await runCli([
      'estimate',
      SMALL,
      '-q',
      '--rules',
      'upwork-2024,upwork-2015,pessimistic',
      '--fail-under',
      '60',
    ]);
    expect(r).toEqual({
      code: 1,
      stdout: 'upwork-2024: 60%\nupwork-2015: 25%\npessimistic: 60%\n',
      stderr: 'jss: upwork-2015: projected JSS 25% is below 60% (--fail-under 60)\n',
    });
  });

  it('estimate --json: exit 1, the document on stdout and nothing on stderr', async () => {
    const r = await runCli(['estimate', SMALL, '--json', '--fail-under', '61']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'estimate', jss: 60 });
  });

  it('whatif: names the alternative (and the rule set, when several), or the baseline when there is none', async () => {
    const r = await runCli([
      'whatif',
      FORUM,
      '-q',
      '--rules',
      'upwork-2024,pessimistic',
      '--set',
      'BP-3=leave-open',
      '--changes',
      CANCEL,
      '--fail-under',
      '80',
    ]);
    expect(r).toEqual({
      code: 1,
      stdout:
        'upwork-2024: BP-3=leave-open:stays-open: 100%\nupwork-2024: cancel-unhappy: 73%\n' +
        // pessimistic extends upwork-2026: a $0 contract cancelled as no longer needed stays out
        'pessimistic: BP-3=leave-open:stays-open: 73%\npessimistic: cancel-unhappy: 100%\n',
      stderr:
        'jss: upwork-2024: cancel-unhappy: projected JSS 73% is below 80% (--fail-under 80)\n' +
        'jss: pessimistic: BP-3=leave-open:stays-open: projected JSS 73% is below 80% (--fail-under 80)\n',
    });
    expect(await runCli(['whatif', FORUM, '-q', '--rules', 'pessimistic', '--fail-under', '80'])).toEqual({
      code: 1,
      stdout: '73%\n',
      stderr: 'jss: baseline: projected JSS 73% is below 80% (--fail-under 80)\n',
    });
  });
});

describe('colour on stderr follows stderr, not stdout', () => {
  const warning = 'warning: F1: no first payment date given; taken as its start, 2026-02-01\n';

  it('stdout on a terminal, stderr redirected to a file: the warnings stay plain', async () => {
    const r = await runCli(['estimate', SMALL], { isTTY: true, stderrIsTTY: false });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ANSI);
    expect(r.stderr).not.toContain(ANSI);
    expect(r.stderr).toContain(warning);
  });

  it('stdout piped, stderr on a terminal: the warnings are coloured, the result is not', async () => {
    const r = await runCli(['estimate', SMALL], { isTTY: false, stderrIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(ANSI);
    expect(r.stderr).toContain(`${ANSI}33mwarning:`);
  });

  it('never with NO_COLOR, TERM=dumb, --no-color or --json, on either stream', async () => {
    const tty = { isTTY: true, stderrIsTTY: true };
    for (const [argv, env] of [
      [['forecast', SMALL], { NO_COLOR: '1' }],
      [['forecast', SMALL], { TERM: 'dumb' }],
      [['forecast', SMALL, '--no-color'], {}],
      [['forecast', SMALL, '--json'], {}],
    ] as const) {
      const r = await runCli([...argv], { ...tty, env });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain(ANSI);
      expect(r.stderr).toContain(warning);
      expect(r.stderr).not.toContain(ANSI);
    }
  });

  it('import: its warnings follow stderr too (stdout is not even written with -o)', async () => {
    const r = await runCli(
      [
        'import',
        'test/fixtures/import/transactions-13.csv',
        'test/fixtures/import/weekly-summary.csv',
        '-o',
        join(mkdtempSync(join(tmpdir(), 'jss-audit-')), 'contracts.yaml'),
      ],
      { isTTY: true, stderrIsTTY: false },
    );
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('warning: both a transaction history and a weekly summary were given');
    expect(r.stderr).not.toContain(ANSI);
  });
});

describe('estimate --horizon', () => {
  it('is refused past 100 years, where its date would no longer be YYYY-MM-DD (exit 2, only the error document on stdout)', async () => {
    const r = await runCli(['estimate', 'examples/forum-case.yaml', '--json', '--horizon', '36501']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.problems.map((p: { code: string }) => p.code)).toEqual(['bad-usage']);
    expect(r.stderr).toContain('--horizon must be a whole number from 0 to 36500');
    const ok = await runCli(['estimate', 'examples/forum-case.yaml', '--json', '--horizon', '36500']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).pending[0].scenarios[0].outcomes[0].horizon.date).toBe('2126-11-02');
  });
});

describe('forecast and plan --changes', () => {
  it('a second --changes is refused (exit 2), not silently put in place of the first', async () => {
    for (const argv of [
      ['forecast', FORUM],
      ['plan', FORUM, '--target', '90'],
    ]) {
      const r = await runCli([
        ...argv,
        '--json',
        '--changes',
        CANCEL,
        '--changes',
        'test/fixtures/whatif/new-job.yaml',
      ]);
      expect(JSON.parse(r.stdout).error.problems[0].code).toBe('option-repeated');
      expect({ ...r, stdout: '' }).toEqual({
        code: 2,
        stdout: '',
        stderr:
          `--changes is given 2 times (${CANCEL}, test/fixtures/whatif/new-job.yaml); forecast and plan take one changes file\n` +
          '  hint: put all the changes of one future in one file; to compare several futures, use jss whatif --changes A --changes B\n',
      });
    }
  });

  it('one --changes still works', async () => {
    const r = await runCli([
      'forecast',
      FORUM,
      '--rules',
      'upwork-2024',
      '--changes',
      CANCEL,
      '--json',
      '--until',
      '2026-12-31',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).series[0]).toMatchObject({ date: '2026-11-26', jss: 73 });
  });
});

describe('messages a user meets early', () => {
  it("a start after the history's date does not produce a backwards date range in a hint", async () => {
    const history = `asOf: 2026-08-31
contracts:
  - { id: A, client: a, type: hourly, status: active, start: 2026-09-21, earnings: 100,
      payments: [ { date: 2026-09-25, amount: 100 } ] }
`;
    const r = await runCli(['validate', '-'], { stdin: history });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("contracts[0].start: start 2026-09-21 is after the history's date 2026-08-31");
    expect(r.stderr).toContain(
      "contracts[0].payments[0].date: payment on 2026-09-25 is after the history's date 2026-08-31\n  hint: payments fall within the contract, which cannot start after the history's date 2026-08-31",
    );
    expect(r.stderr).not.toMatch(/2026-09-21\.\.2026-08-31/);
  });

  it('a missing history says how to start one; a directory is not a file to write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jss-audit-'));
    const missing = await runCli(['estimate'], { cwd: dir });
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'contracts.yaml: no such file\n  hint: name your history file, or run `jss init` to write a commented example to start from\n',
    });
    mkdirSync(join(dir, 'sub'));
    const init = await runCli(['init', 'sub', '--force'], { cwd: dir });
    expect(init).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'sub: is a directory, not a regular file; jss writes only regular files\n  hint: name a file to write, e.g. contracts.yaml\n',
    });
  });
});
