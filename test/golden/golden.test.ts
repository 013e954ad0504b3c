import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Pins every command's output on the bundled examples, byte for byte (stdout, stderr and exit code),
 * so refactors and speed work cannot change what users see. After an intended change of output,
 * update the pins with `npx vitest run test/golden -u` and review the diff.
 */

const examples: Record<string, string | null> = {
  'forum-case': 'BP-3',
  freelancer: '36051190',
  'weekly-paid': 'NW-1',
  'why-did-it-drop': null,
};

function casesFor(name: string, open: string | null): string[][] {
  const file = `examples/${name}.yaml`;
  const cases = [
    ['estimate', file],
    ['estimate', file, '--json'],
    ['estimate', file, '--rules', 'upwork-2026,upwork-2024,upwork-2020,upwork-2015,pessimistic'],
    ['estimate', file, '--rules', 'upwork-2026,upwork-2015', '--json'],
    ['estimate', file, '--as-of', '2026-06-01', '--json'],
    ['estimate', file, '-q'],
    ['forecast', file, '--step', 'month'],
    ['forecast', file, '--json'],
    ['forecast', file, '--from', '2026-01-01', '--step', 'month', '--json'],
    ['plan', file, '--target', '90'],
    ['plan', file, '--target', '95', '--job-earnings', '1200', '--json'],
    ['infer', file],
    ['infer', file, '--json'],
    ['validate', file],
    ['report', file, '-o', '-'],
  ];
  if (open) {
    cases.push(
      ['whatif', file, '--set', `${open}=client-cancels:unhappy`],
      ['whatif', file, '--set', `${open}=client-unhappy:unhappy`, '--json'],
      ['whatif', file, '--set', `${open}=freelancer-closes`, '--at', '2027-02-24', '--json'],
    );
  }
  return cases;
}

const general = [
  ['rules'],
  ['rules', '--json'],
  ['rules', 'show', 'upwork-2026'],
  ['rules', 'show', 'upwork-2015', '--json'],
  ['schema', 'contracts'],
  ['schema', 'rules'],
  ['schema', 'report'],
  ['--help'],
  ['estimate', '--help'],
  ['whatif', '--help'],
  ['forecast', '--help'],
  ['plan', '--help'],
  ['infer', '--help'],
  ['report', '--help'],
  ['validate', '--help'],
  ['init', '--help'],
  ['schema', '--help'],
  ['rules', '--help'],
  ['import', '--help'],
];

function slug(argv: string[]): string {
  return argv
    .join(' ')
    .replace(/[^A-Za-z0-9.=:-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function pin(argv: string[]) {
  it(argv.join(' '), async () => {
    const { code, stdout, stderr } = await runCli(argv, { columns: 100 });
    const text = `$ jss ${argv.join(' ')}\n(exit code ${code})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
    await expect(text).toMatchFileSnapshot(`./pins/${slug(argv)}.txt`);
  });
}

describe('output on the examples is pinned', () => {
  for (const [name, open] of Object.entries(examples)) {
    describe(name, () => {
      for (const argv of casesFor(name, open)) pin(argv);
    });
  }
  describe('general', () => {
    for (const argv of general) pin(argv);
  });
});
