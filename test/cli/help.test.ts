import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const COMMANDS = [
  'estimate',
  'whatif',
  'forecast',
  'plan',
  'report',
  'validate',
  'init',
  'schema',
  'rules',
  'import',
];

describe('help', () => {
  it.each(COMMANDS)('jss %s --help ends with its examples and the exit codes, exit 0', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^Usage: jss ${command} `));
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ jss ${command}\\b`));
    expect(r.stdout.trimEnd()).toMatch(/Exit codes:\n(.*\n){2,3}.*3 {2}internal error.*$/);
    // 1 only where --fail-under can return it
    const canFail = command === 'estimate' || command === 'whatif';
    expect(r.stdout.includes('  1  a check you asked for failed (--fail-under)')).toBe(canFail);
    expect(r.stdout).toContain('  2  bad usage, input or rules; a refused or failed write');
  });

  it('a repeated --rules or --as-of is refused, not silently replaced by the last', async () => {
    const rules = await runCli([
      'estimate',
      'examples/forum-case.yaml',
      '--rules',
      'upwork-2015',
      '--rules',
      'upwork-2020',
    ]);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain(
      '--rules is given more than once; to compare rule sets give one comma list',
    );
    const asOf = await runCli([
      'plan',
      'examples/forum-case.yaml',
      '--target',
      '90',
      '--as-of',
      '2026-01-01',
      '--as-of',
      '2026-02-01',
    ]);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of is given more than once');
    const one = await runCli(['estimate', 'examples/forum-case.yaml', '--rules', 'upwork-2015', '-q']);
    expect(one.code).toBe(0);
  });

  it('a percentage may end in %', async () => {
    const plain = await runCli(['plan', 'examples/forum-case.yaml', '--target', '90', '--json']);
    const percent = await runCli(['plan', 'examples/forum-case.yaml', '--target', '90%', '--json']);
    expect(percent.code).toBe(0);
    expect(percent.stdout).toBe(plain.stdout);
    const failUnder = await runCli(['estimate', 'examples/freelancer.yaml', '-q', '--fail-under', '90%']);
    expect(failUnder.code).toBe(1);
    const bad = await runCli(['estimate', 'examples/forum-case.yaml', '--fail-under', '101%']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--fail-under must be a percentage from 0 to 100 (90 or 90%)');
  });

  it('a usage error exits 2 with the message on stderr and nothing on stdout', async () => {
    const r = await runCli(['plan', 'examples/freelancer.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("required option '--target <n>' not specified");
  });
});
