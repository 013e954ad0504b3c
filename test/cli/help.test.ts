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
    expect(r.stdout.trimEnd()).toMatch(/Exit codes:\n(.*\n){3}.*3 {2}internal error.*$/);
  });

  it('a usage error exits 2 with the message on stderr and nothing on stdout', async () => {
    const r = await runCli(['plan', 'examples/freelancer.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("required option '--target <n>' not specified");
  });
});
